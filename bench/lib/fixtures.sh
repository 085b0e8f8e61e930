# Shared by bench/faults.sh and bench/bad-inputs.sh (source it after setting W, the work directory):
# builds seq4j once, then makes tiny models from generated data: a reverse-task translator
# ($W/ref), a names classifier ($W/cls) and a names generator ($W/gen), each in seconds to a minute.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
S="$ROOT/seq4j"
mkdir -p "$W"
"$S" info > /dev/null 2>&1 || { echo "seq4j does not build or start" >&2; exit 2; }
export SEQ4J_REBUILD=0 # one build for the whole script, never a rebuild halfway
PIDS=()
trap 'for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done' EXIT

DATA="$W/data"
[ -f "$DATA/train.src" ] || "$S" corpus synthetic --task reverse --alphabet 8 --min-length 3 \
  --max-length 8 --sizes 3000,100,100 --out "$DATA" > /dev/null 2>&1
mkdir -p "$W/names"
printf '%s\n' Ivanov Petrov Sidorov Orlov Popov Smirnov Volkov Sokolov Lebedev Kozlov > "$W/names/Ov.txt"
printf '%s\n' Lopez Perez Gomez Diaz Ruiz Sanchez Martinez Fernandez Alvarez Torres > "$W/names/Ez.txt"
cat > "$W/tiny.yaml" <<YAML
name: tiny
seed: 7
data: {train: $DATA/train, valid: $DATA/valid, src: src, trg: trg, srcTokenizer: space, trgTokenizer: space}
model: {type: rnn, cell: gru, embedding: 16, hidden: 48, attention: dot}
train: {epochs: 2, batchSize: 32, learningRate: 0.01, evalEverySteps: 40}
YAML
names_yaml() { # TASK -> path of a names config
  printf 'task: %s\ndata: {folder: "%s", trainShare: 0.6, validShare: 0.2}\nmodel: {hidden: 16, embedding: 8}\ntrain: {epochs: 2, batchSize: 4, learningRate: 0.01}\n' \
    "$1" "$W/names" > "$W/$1.yaml"
  echo "$W/$1.yaml"
}
train() { # OUT [ARGS...]: trains tiny.yaml into OUT, log in OUT.log
  local out=$1
  shift
  "$S" train --config "$W/tiny.yaml" --out "$out" "$@" > "$out.log" 2>&1
}
[ -f "$W/ref/checkpoints/best/MANIFEST.sha256" ] || { rm -rf "$W/ref"; train "$W/ref"; }
[ -f "$W/cls/checkpoints/best/MANIFEST.sha256" ] || "$S" train --config "$(names_yaml classify)" --out "$W/cls" > "$W/cls.log" 2>&1
[ -f "$W/gen/checkpoints/best/MANIFEST.sha256" ] || "$S" train --config "$(names_yaml generate)" --out "$W/gen" > "$W/gen.log" 2>&1
head -20 "$DATA/test.src" > "$W/in.txt"
head -20 "$DATA/test.trg" > "$W/ref.txt"

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status" 2> /dev/null || echo 0; }
one_line() { tr '\n' ' ' < "$1" | cut -c1-150; }
start_server() { # MODEL LOG [ARGS...] -> SPID, PORT; succeeds once /health says ready (SERVE_AS_LIMIT: bytes)
  local model=$1 log=$2
  shift 2
  PORT=$(free_port)
  if [ -n "${SERVE_AS_LIMIT:-}" ]; then # a cap on the address space: allocations over it fail
    prlimit --as="$SERVE_AS_LIMIT" "$S" serve --model "$model" --port "$PORT" "$@" > "$log" 2>&1 &
  else
    "$S" serve --model "$model" --port "$PORT" "$@" > "$log" 2>&1 &
  fi
  SPID=$!
  PIDS+=("$SPID")
  for _ in $(seq 1 600); do
    curl -s -m 1 "localhost:$PORT/health" 2> /dev/null | grep -q '"ready"' && return 0
    kill -0 "$SPID" 2> /dev/null || return 1
    sleep 0.1
  done
  return 1
}
stop_server() { kill -TERM "$SPID" 2> /dev/null; wait "$SPID" 2> /dev/null; }
post() { # BODY [CURL ARGS...] -> "<status> <first 300 bytes of the body>" of POST /v1/translate
  local body=$1
  shift
  curl -s -m 60 -o "$W/post.body" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "$body" "$@" "localhost:$PORT/v1/translate"
  echo " $(head -c 300 "$W/post.body")"
}
