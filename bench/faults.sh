#!/usr/bin/env bash
# The faults of ../shared/RELIABILITY.md §2b, produced with real processes against tiny models
# trained here (reverse task, names), one line per fault and `faults: N survived of M` last.
#
#   bench/faults.sh [WORKDIR]        (default: a fresh directory under /tmp; ~5-10 min on 2 cores)
#
# A line reads `<id> <fault>: survived|FAILED|skipped (<what was observed>)`. Faults the machine
# cannot produce (ENOSPC needs a mount: root or a user namespace) are skipped with the reason and
# do not count. Exit status: 0 when every fault that ran was survived, 1 otherwise.
set -uo pipefail
W="${1:-$(mktemp -d /tmp/seq4j-faults.XXXXXX)}"
source "$(dirname "$0")/lib/fixtures.sh"
survived=0
total=0
failed_any=0

say() { # ID NAME STATUS DETAIL
  printf '%-4s %-62s %s (%s)\n' "$1" "$2:" "$3" "$4"
  case "$3" in
    survived) survived=$((survived + 1)); total=$((total + 1)) ;;
    FAILED) total=$((total + 1)); failed_any=1 ;;
  esac
}
check() { # ID NAME DETAIL CONDITION... : survived when the condition command succeeds
  local id=$1 name=$2 detail=$3
  shift 3
  if "$@"; then say "$id" "$name" survived "$detail"; else say "$id" "$name" FAILED "$detail"; fi
}
translates() { # MODEL : loads and answers 20 lines
  "$S" translate --model "$1" < "$W/in.txt" > "$W/out.txt" 2> "$W/err.txt" && [ "$(wc -l < "$W/out.txt")" = 20 ]
}
step_of() { grep -o '"step" *: *[0-9]*' "$1/trainer.json" 2> /dev/null | grep -o '[0-9]*$'; }
last_row() { tail -1 "$1/metrics.csv" | cut -d, -f1-6; } # step, epoch, losses, accuracies (no timings)

# ---------------------------------------------------------------- 1. SIGKILL during a save
# the kill lands at several moments after the first checkpoint, while saves come every 5 steps
for delay in 0.2 0.7 1.3 2.1; do
  run="$W/kill-$delay"
  rm -rf "$run"
  "$S" train --config "$W/tiny.yaml" --out "$run" --set train.evalEverySteps=5 --set train.epochs=50 > "$run.log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  for _ in $(seq 1 1200); do
    [ -f "$run/checkpoints/last/MANIFEST.sha256" ] && break
    sleep 0.05
  done
  sleep "$delay"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  if [ ! -d "$run/checkpoints/last" ]; then
    say 1 "SIGKILL ${delay}s after the first save" skipped "no checkpoint within 60 s"
    continue
  fi
  ok=1
  translates "$run/checkpoints/last" || ok=0
  step=$(step_of "$run/checkpoints/last")
  "$S" train --config "$run/config.yaml" --out "$run" --resume --set train.maxSteps=$((step + 3)) > "$run.resume.log" 2>&1
  rc=$?
  [ $rc = 0 ] || ok=0
  [ "$(step_of "$run/checkpoints/last")" = $((step + 3)) ] || ok=0
  check 1 "SIGKILL ${delay}s after the first save (saves every 5 steps)" \
    "last/ at step $step verifies and translates; --resume to step $((step + 3)) exit $rc" test $ok = 1
done

# ---------------------------------------------------------------- 2. ENOSPC during a save
mnt="$W/small"
mkdir -p "$mnt"
if mount -t tmpfs -o size=4m tmpfs "$mnt" 2> /dev/null; then
  need=$(du -sk "$W/ref/checkpoints/last" | cut -f1)
  umount "$mnt"
  # room for one checkpoint and a bit, not for a second one beside it
  mount -t tmpfs -o size=$(((need + need / 3 + 64) * 1024)) tmpfs "$mnt"
  mkdir -p "$mnt/run/checkpoints"
  cp "$W/ref/config.yaml" "$W/ref/metrics.csv" "$mnt/run/"
  cp -r "$W/ref/checkpoints/last" "$mnt/run/checkpoints/"
  before=$(sha256sum "$mnt/run/checkpoints/last/model.safetensors" | cut -c1-16)
  "$S" train --config "$mnt/run/config.yaml" --out "$mnt/run" --resume --set train.epochs=4 > "$W/enospc.log" 2>&1
  rc=$?
  after=$(sha256sum "$mnt/run/checkpoints/last/model.safetensors" | cut -c1-16)
  tmps=$(find "$mnt/run" -name '*.tmp*' | wc -l)
  ok=1
  [ $rc != 0 ] || ok=0
  grep -qi "no space left" "$W/enospc.log" || ok=0
  [ "$tmps" = 0 ] || ok=0
  translates "$mnt/run/checkpoints/last" || ok=0
  check 2 "ENOSPC during a checkpoint save (tmpfs of $((need + need / 3 + 64)) KB)" \
    "exit $rc, $tmps temp files left, old last/ ${before}=${after}: $(grep -i 'no space' "$W/enospc.log" | head -1 | cut -c1-110)" \
    test $ok = 1
  umount "$mnt"
else
  say 2 "ENOSPC during a checkpoint save" skipped "cannot mount a small tmpfs here (needs root or a user namespace)"
fi

# ---------------------------------------------------------------- 3. corrupt weights, every loader
corrupt() { # KIND FILE
  case "$1" in
    bitflip) python3 - "$2" <<'PY'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[len(b) // 2] ^= 0x10
open(p, "wb").write(b)
PY
    ;;
    truncated) truncate -s $(($(stat -c %s "$2") / 2)) "$2" ;;
    zero) : > "$2" ;;
  esac
}
for kind in bitflip truncated zero; do
  for cmd in translate evaluate serve classify generate; do
    case $cmd in classify) src="$W/cls" ;; generate) src="$W/gen" ;; *) src="$W/ref" ;; esac
    m="$W/corrupt-$kind-$cmd"
    rm -rf "$m"
    cp -r "$src/checkpoints/best" "$m"
    corrupt $kind "$m/model.safetensors"
    case $cmd in
      translate) "$S" translate --model "$m" < "$W/in.txt" > "$W/c.out" 2> "$W/c.err" ;;
      evaluate) "$S" evaluate --model "$m" --src "$W/in.txt" --ref "$W/ref.txt" > "$W/c.out" 2> "$W/c.err" ;;
      serve) timeout 60 "$S" serve --model "$m" --port "$(free_port)" > "$W/c.out" 2> "$W/c.err" ;;
      classify) "$S" classify --model "$m" Ivanov Lopez > "$W/c.out" 2> "$W/c.err" ;;
      generate) "$S" generate --model "$m" --count 3 > "$W/c.out" 2> "$W/c.err" ;;
    esac
    rc=$?
    check 3 "$kind weights, $cmd" "exit $rc, $(wc -c < "$W/c.out") bytes out: $(grep -m1 -i "model.safetensors" "$W/c.err" | cut -c1-100)" \
      bash -c "[ $rc != 0 ] && [ $rc != 124 ] && grep -q 'model.safetensors' '$W/c.err' && ! [ -s '$W/c.out' ]"
  done
done
# a run directory whose best/ is corrupt falls back to last/, and says so
fb="$W/fallback"
rm -rf "$fb"
cp -r "$W/ref" "$fb"
corrupt bitflip "$fb/checkpoints/best/model.safetensors"
translates "$fb"
rc=$?
check 3 "bit-flipped best/ of a run directory, translate" "exit $rc: $(grep -m1 -i "last" "$W/err.txt" | cut -c1-110)" \
  bash -c "[ $rc = 0 ] && grep -qi 'last' '$W/err.txt'"
# --resume with a corrupt last/ refuses it by name (never trains on from bad weights)
cp -r "$W/ref" "$fb.r"
corrupt zero "$fb.r/checkpoints/last/model.safetensors"
"$S" train --config "$fb.r/config.yaml" --out "$fb.r" --resume --set train.epochs=3 > "$W/r.log" 2>&1
rc=$?
check 3 "0-byte last/ weights, train --resume" "exit $rc: $(grep -m1 'model.safetensors' "$W/r.log" | cut -c1-110)" \
  bash -c "grep -q 'model.safetensors' '$W/r.log' && { [ $rc != 0 ] || grep -qi 'best' '$W/r.log'; }"
rm -rf "$fb.r"

# ---------------------------------------------------------------- 4. kill, then resume
rm -rf "$W/whole" "$W/killed"
train "$W/whole" --set train.epochs=3 --set train.evalEverySteps=30
"$S" train --config "$W/tiny.yaml" --out "$W/killed" --set train.epochs=3 --set train.evalEverySteps=30 > "$W/killed.log" 2>&1 &
pid=$!
PIDS+=("$pid")
for _ in $(seq 1 600); do
  [ "$(grep -c . "$W/killed/metrics.csv" 2> /dev/null || echo 0)" -ge 4 ] && break
  sleep 0.1
done
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
"$S" train --config "$W/killed/config.yaml" --out "$W/killed" --resume > "$W/killed.resume.log" 2>&1
a=$(last_row "$W/whole")
b=$(last_row "$W/killed")
check 4 "SIGKILL mid-run, then --resume" "uninterrupted [$a] resumed [$b]; $(grep -c . "$W/killed/metrics.csv") rows vs $(grep -c . "$W/whole/metrics.csv")" \
  bash -c "[ '$a' = '$b' ] && [ \"\$(cut -d, -f1 '$W/killed/metrics.csv' | sort | uniq -d)\" = '' ]"

# ---------------------------------------------------------------- 5. NaN/Inf under both policies
for policy in abort skip; do
  run="$W/nan-$policy"
  rm -rf "$run"
  train "$run" --set train.learningRate=1e38 --set train.clipNorm=0 --set train.nanPolicy=$policy
  rc=$?
  ok=1
  [ $rc != 0 ] || ok=0
  for c in best last; do
    [ -d "$run/checkpoints/$c" ] && { translates "$run/checkpoints/$c" || ok=0; }
  done
  check 5 "learning rate 1e38, nanPolicy=$policy" "exit $rc: $(grep -m1 -i "non-finite\|diverg\|skipped" "$run.log" | cut -c1-110)" test $ok = 1
done

# ---------------------------------------------------------------- 6. SIGTERM
run="$W/term"
rm -rf "$run"
"$S" train --config "$W/tiny.yaml" --out "$run" --set train.epochs=50 --set train.evalEverySteps=1000 > "$run.log" 2>&1 &
pid=$!
PIDS+=("$pid")
for _ in $(seq 1 1200); do # until training is under way
  grep -q "^epoch 1 \[" "$run.log" 2> /dev/null && break
  sleep 0.05
done
sleep 2
kill -TERM "$pid"
wait "$pid"
rc=$?
step=$(step_of "$run/checkpoints/last")
"$S" train --config "$run/config.yaml" --out "$run" --resume --set train.maxSteps=$((${step:-0} + 3)) > "$run.resume.log" 2>&1
rrc=$?
check 6 "SIGTERM to train" "exit $rc, last/ at step ${step:-none}, resume exit $rrc" \
  bash -c "[ $rc != 0 ] && [ -n '$step' ] && [ $rrc = 0 ]"
for _ in $(seq 1 200); do cat "$DATA/train.src"; done > "$W/big.txt"
"$S" translate --model "$W/ref" < "$W/big.txt" > "$W/term.out" 2> "$W/term.err" &
pid=$!
for _ in $(seq 1 1200); do [ -s "$W/term.out" ] && break; sleep 0.05; done # translating
sleep 1
kill -TERM "$pid"
wait "$pid"
rc=$?
lines=$(wc -l < "$W/term.out")
partial=$(tail -c1 "$W/term.out" | od -An -c | tr -d ' ')
check 6 "SIGTERM to translate (stdout)" "exit $rc, $lines finished lines flushed, last byte '$partial'" \
  bash -c "[ $rc != 0 ] && [ $lines -gt 0 ] && [ $lines -lt $(wc -l < "$W/big.txt") ] && { [ '$partial' = '\n' ]; }"
"$S" translate --model "$W/ref" --output "$W/term.file" < "$W/big.txt" 2> "$W/term.err" &
pid=$!
for _ in $(seq 1 1200); do # until its temporary output has lines in it
  [ -n "$(find "$W" -maxdepth 1 -name '.term.file*' -size +0 2> /dev/null)" ] && break
  sleep 0.05
done
sleep 1
kill -TERM "$pid"
wait "$pid"
rc=$?
left=$(find "$W" -maxdepth 1 -name '.term.file*' | wc -l)
check 6 "SIGTERM to translate --output F" "exit $rc, F exists: $([ -e "$W/term.file" ] && echo yes || echo no), $left temp files" \
  bash -c "[ $rc != 0 ] && [ ! -e '$W/term.file' ] && [ $left = 0 ]"

one='{"text":"1 2 3 4"}'

# ---------------------------------------------------------------- 7. OOM on one request
# the server's address space capped at 6 GB (prlimit), so one huge beam fails to allocate natively
# as it would on a machine out of memory, without taking the machine down
if SERVE_AS_LIMIT=6000000000 start_server "$W/ref" "$W/oom.log" --max-beam 100000000; then
  huge='{"text":"1 2 3 4 5 6 7 1 2 3 4 5 6 7","beam":10000000,"maxLength":512}'
  r1=$(post "$huge")
  r2=$(post "$one")
  alive=$(kill -0 "$SPID" 2> /dev/null && echo yes || echo no)
  echo "$r1" > "$W/oom.r1"
  check 7 "one request over memory (beam 10^7, address space 6 GB)" "huge -> ${r1:0:150}; next -> ${r2:0:50}; alive $alive" \
    bash -c "grep -q '^5' '$W/oom.r1' && grep -qi 'memory' '$W/oom.r1' && [[ '${r2:0:3}' = 200 ]] && [ $alive = yes ]"
  stop_server
else
  say 7 "one request over memory" FAILED "server did not start: $(one_line "$W/oom.log")"
fi

# ---------------------------------------------------------------- 8. broken pipe
"$S" translate --model "$W/ref" < "$W/big.txt" 2> "$W/pipe.err" | head -1 > /dev/null
rc=${PIPESTATUS[0]}
check 8 "translate | head -1" "exit $rc, $(wc -c < "$W/pipe.err") bytes on stderr" \
  bash -c "{ [ $rc = 0 ] || [ $rc = 141 ]; } && ! grep -q 'Exception' '$W/pipe.err' && ! grep -qi 'error' '$W/pipe.err'"
"$S" classify --model "$W/cls" < <(for _ in $(seq 1 3000); do echo Ivanov; done) 2> "$W/pipe.err" | head -1 > /dev/null
rc=${PIPESTATUS[0]}
check 8 "classify | head -1" "exit $rc, $(wc -c < "$W/pipe.err") bytes on stderr" \
  bash -c "{ [ $rc = 0 ] || [ $rc = 141 ]; } && ! grep -q 'Exception' '$W/pipe.err' && ! grep -qi 'error' '$W/pipe.err'"

# ---------------------------------------------------------------- 9. client disconnects
# the heap fixed and touched up front: a JVM otherwise grows its resident heap towards -Xmx under
# any allocation rate, which is not a leak (docs/RELIABILITY.md, fault 9)
if SEQ4J_JAVA_OPTS="-Xms512m -Xmx512m -XX:+AlwaysPreTouch" start_server "$W/ref" "$W/disc.log"; then
  abort_many() { # N : requests sent, then the socket closed before the answer
    python3 - "$PORT" "$1" <<'PY'
import socket, sys
port, n = int(sys.argv[1]), int(sys.argv[2])
body = b'{"text":"1 2 3 4 5 6 7 8 1 2 3 4 5 6 7 8","beam":8}'
req = (b"POST /v1/translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
       b"Content-Length: %d\r\n\r\n" % len(body)) + body
for _ in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(req)
    s.close()
PY
  }
  abort_many 5000 # warm-up: the JVM heap and the allocators settle
  sleep 3
  r0=$(rss_kb "$SPID")
  abort_many 10000
  sleep 3
  r1=$(rss_kb "$SPID")
  r2=$(post "$one")
  growth=$(python3 -c "print(round(100*($r1-$r0)/$r0,1))")
  check 9 "10,000 requests whose client closes at once (heap 512 MB)" "RSS ${r0} -> ${r1} KB (${growth} %), next -> ${r2:0:40}" \
    bash -c "[ \$(python3 -c 'print(int($r1 <= $r0 * 1.05))') = 1 ] && [[ '${r2:0:3}' = 200 ]]"
  stop_server
else
  say 9 "client disconnects" FAILED "server did not start: $(one_line "$W/disc.log")"
fi

# ---------------------------------------------------------------- 10. inference timeout
timeout_flag=$("$S" serve --help 2>&1 | grep -o -- '--[a-z-]*timeout[a-z-]*' | grep -m1 -i 'request\|inference\|decode')
if [ -z "$timeout_flag" ]; then
  say 10 "inference timeout" FAILED "seq4j serve has no per-request inference timeout"
elif start_server "$W/ref" "$W/tmo.log" "$timeout_flag" "$([[ $timeout_flag = *-ms ]] && echo 1000 || echo 1)" --max-beam 1000; then
  # 64 texts at beam 1,000 take many seconds; a short request then must be answered at once
  slow="{\"texts\":[$(for i in $(seq 1 64); do printf '"1 2 3 4 5 6 7 8 1 2 3 4 5 6 7 8",'; done | sed 's/,$//')],\"beam\":1000,\"maxLength\":512}"
  r1=$(post "$slow")
  health=$(curl -s -m 5 "localhost:$PORT/health")
  r2=$(post "$one")
  check 10 "decode over $timeout_flag (1 s)" "slow -> ${r1:0:90}; then a short one -> ${r2:0:3}; /health $health" \
    bash -c "[[ '${r1:0:1}' = 5 ]] && echo '$health' | grep -q '\"timeouts\":[1-9]' && [[ '${r2:0:3}' = 200 ]]"
  stop_server
else
  say 10 "inference timeout" FAILED "server did not start with $timeout_flag: $(one_line "$W/tmo.log")"
fi

# ---------------------------------------------------------------- 11. corrupt model at startup
m="$W/corrupt-start"
rm -rf "$m"
cp -r "$W/ref/checkpoints/best" "$m"
corrupt bitflip "$m/model.safetensors"
PORT=$(free_port)
"$S" serve --model "$m" --port "$PORT" > "$W/cs.log" 2>&1 &
pid=$!
PIDS+=("$pid")
ready=no
for _ in $(seq 1 300); do
  curl -s -m 1 "localhost:$PORT/health" 2> /dev/null | grep -q '"ready"' && ready=yes
  kill -0 "$pid" 2> /dev/null || break
  sleep 0.1
done
wait "$pid"
rc=$?
check 11 "bit-flipped weights at serve start" "exit $rc, ever ready: $ready: $(grep -m1 model.safetensors "$W/cs.log" | cut -c1-100)" \
  bash -c "[ $rc != 0 ] && [ $ready = no ] && grep -q model.safetensors '$W/cs.log'"
say 11 "a failed reload keeps the old model" skipped "seq4j serve has no reload: one model per process"

# ---------------------------------------------------------------- 12. shutdown under load; two trainers
if start_server "$W/ref" "$W/drain.log" --max-beam 64; then
  long='{"texts":["1 2 3 4 5 6 7 8 1 2 3 4","8 7 6 5 4 3 2 1 8 7 6 5"],"beam":64,"maxLength":200}'
  for i in 1 2 3 4; do
    curl -s -m 120 -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d "$long" \
      "localhost:$PORT/v1/translate" > "$W/drain.$i" &
  done
  sleep 0.5
  kill -TERM "$SPID"
  sleep 0.2
  late=$(curl -s -m 5 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$one" "localhost:$PORT/v1/translate")
  wait "$SPID"
  rc=$?
  wait
  inflight=$(cat "$W"/drain.[1-4] | tr '\n' ' ')
  check 12 "SIGTERM to serve with 4 requests in flight" "in flight: $inflight; new: $late; exit $rc" \
    bash -c "[ '$inflight' = '200 200 200 200 ' ] && [[ '$late' = 503 || '$late' = 000 ]] && [[ $rc = 0 || $rc = 143 ]]"
else
  say 12 "shutdown under load" FAILED "server did not start: $(one_line "$W/drain.log")"
fi
run="$W/locked"
rm -rf "$run"
"$S" train --config "$W/tiny.yaml" --out "$run" --set train.epochs=50 > "$run.log" 2>&1 &
pid=$!
PIDS+=("$pid")
for _ in $(seq 1 300); do [ -f "$run/.lock" ] && break; sleep 0.1; done
sleep 1
"$S" train --config "$W/tiny.yaml" --out "$run" > "$run.second.log" 2>&1
rc=$?
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
check 12 "two trainers on one run directory" "second exit $rc: $(grep -m1 -i lock "$run.second.log" | cut -c1-110)" \
  bash -c "[ $rc != 0 ] && grep -qi 'lock\|in use\|another' '$run.second.log'"

echo "faults: $survived survived of $total"
exit $failed_any
