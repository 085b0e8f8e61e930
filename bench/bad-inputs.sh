#!/usr/bin/env bash
# The bad inputs of ../shared/RELIABILITY.md §2a, tried against tiny models trained here through
# the real command line and server. Prints the table of docs/RELIABILITY.md (input, expected,
# observed) in Markdown; the observed column is what this run saw, verbatim where it is a message.
#
#   bench/bad-inputs.sh [WORKDIR]     (reuses the tiny models of bench/faults.sh in WORKDIR)
set -uo pipefail
W="${1:-$(mktemp -d /tmp/seq4j-bad.XXXXXX)}"
source "$(dirname "$0")/lib/fixtures.sh"
B="$W/bad"
mkdir -p "$B"
row() { # N INPUT EXPECTED OBSERVED
  local obs=${4//|/\\|}
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$(echo "$obs" | tr '\n' ' ' | cut -c1-220)"
}
tr_cli() { # STDIN-FILE [ARGS...] -> "exit N, L lines; stderr: …"
  local in=$1
  shift
  "$S" translate --model "$W/ref" "$@" < "$in" > "$B/o" 2> "$B/e"
  local rc=$?
  echo "exit $rc, $(wc -l < "$B/o") output lines; $(grep -v 'Deprecat\|^$' "$B/e" | head -2 | cut -c1-150)"
}
err_of() { grep -v 'Deprecat\|^$' "$1" | head -1 | cut -c1-170; }
mem() { # STDIN-FILE : peak RSS and seconds of translate
  /usr/bin/time -f '%M KB peak RSS, %e s' "$S" translate --model "$W/ref" --set decode.overlong=truncate \
    < "$1" > "$B/o" 2> "$B/t"
  echo "exit $?, $(tail -1 "$B/t"); $(grep -m1 -i 'truncat' "$B/t" | cut -c1-100)"
}

echo "| # | Input | Expected | Observed |"
echo "|---|---|---|---|"
printf '1 2 3\n   \n\t\n\n4 5 6\n' > "$B/blank"
row 1 "empty and whitespace-only lines" "empty output line, count kept" \
  "$(tr_cli "$B/blank"); lines 2-4: '$(sed -n 2,4p "$B/o" | tr '\n' '/')'"
: > "$B/empty"
row 2 "empty stdin" "exit 0, no output" "$(tr_cli "$B/empty")"
printf '1 2\n3 \xc3\x28 4\n5\n' > "$B/utf8"
row 3 "invalid UTF-8 (C3 28) on line 2, CLI" "error naming the line" "$(tr_cli "$B/utf8")"
printf '\xef\xbb\xbf1 2\r\n3\r4\n5\xe2\x80\xa86\n7\xc2\x858\n' > "$B/breaks"
row 4 "BOM, CRLF, lone CR, U+2028, U+0085 inside lines (4 lines)" "split on \\n only: 4 outputs" "$(tr_cli "$B/breaks")"
printf '1\x002\n3\xe2\x80\xae4\n5\x076\n' > "$B/ctl"
row 5 "NUL, U+202E, BEL inside lines (3 lines)" "normalized, 3 outputs" "$(tr_cli "$B/ctl")"
python3 -c 'print("7" * 100000)' > "$B/long"
row 6 "one 100,000-character token" "bounded time and memory" "$(mem "$B/long")"
python3 -c 'print(" ".join(["1"] * 10000))' > "$B/10k"
row 7 "10,000-token line (default decode.overlong=error)" "error naming line and length" "$(tr_cli "$B/10k")"
row 7 "10,000-token line, decode.overlong=truncate" "truncated with a warning" "$(tr_cli "$B/10k" --set decode.overlong=truncate)"
python3 -c 'print(" ".join(["!"] * 400))' > "$B/bang"
row 8 "400 copies of \"!\"" "bounded memory" "$(mem "$B/bang")"
[ -f "$B/raw/checkpoints/last/MANIFEST.sha256" ] || train "$B/raw" --set train.maxSteps=3 # never learned to stop
printf '1 2 3 4\n1 2\n' > "$B/rep"
"$S" translate --model "$B/raw/checkpoints/last" < "$B/rep" > "$B/o" 2> /dev/null
row 9 "a model that repeats (3 training steps), inputs of 4 and 2 tokens" \
  "output capped at min(maxLength, 2·src+10)" "$(awk '{printf "%d ", NF}' "$B/o")output tokens: '$(head -1 "$B/o" | cut -c1-60)'"
printf 'Caf\xc3\xa9 \xf0\x9f\x98\x80\nCafe\xcc\x81 \xf0\x9f\x98\x80\n' > "$B/nfc"
"$S" translate --model "$W/ref" < "$B/nfc" > "$B/o" 2> /dev/null
row 10 "NFC and NFD forms of one line, with an emoji" "identical outputs" "$([ "$(sed -n 1p "$B/o")" = "$(sed -n 2p "$B/o")" ] && echo identical || echo different): '$(head -1 "$B/o")'"
printf 'xyz qqq www\n' > "$B/oov"
row 11 "all-OOV input" "UNK output, no error" "$(tr_cli "$B/oov"): '$(head -1 "$B/o")'"

if start_server "$W/ref" "$W/bad-server.log"; then
  row 12 "malformed JSON \`{\"text\":\`" "400 JSON error" "$(post '{"text":')"
  row 12 "truncated JSON, then a valid request on the same connection" "connection usable" \
    "$(curl -s -o /dev/null -w '%{http_code} ' -H 'Content-Type: application/json' -d '{"text":' "localhost:$PORT/v1/translate" \
      -: -o /dev/null -w '%{http_code} (reused: %{num_connects} new connections)' -H 'Content-Type: application/json' -d '{"text":"1 2"}' "localhost:$PORT/v1/translate")"
  row 13 "wrong type \`{\"text\":5}\`" "422 naming the field" "$(post '{"text":5}')"
  row 13 "nesting 10,000 deep" "400/422" "$(post "$(python3 -c 'print("{\"text\":" + "[" * 10000 + "]" * 10000 + "}")')")"
  python3 -c 'print("{\"text\":\"" + "1 " * 5500000 + "\"}")' > "$B/11mb.json"
  row 14 "11 MB body" "413 before buffering" "$(post "@$B/11mb.json")"
  row 15 "10,000 sentences in one request" "422" "$(post "$(python3 -c 'import json;print(json.dumps({"texts":["1 2"]*10000}))')")"
  for b in 0 -1 1000000 '"NaN"'; do
    row 16 "beam=$b" "422 naming the field" "$(post "{\"text\":\"1 2\",\"beam\":$b}")"
  done
  row 16 "maxLength=0" "422 naming the field" "$(post '{"text":"1 2","maxLength":0}')"
  row 17 "unknown field \`{\"txt\":…}\`" "400 naming the field" "$(post '{"txt":"1 2"}')"
  row 17 "unknown path /v1/models/x" "404" "$(curl -s -w ' %{http_code}' "localhost:$PORT/v1/models/x" | tail -c 120)"
  row 18 "GET /v1/translate" "405" "$(curl -s -w ' %{http_code}' "localhost:$PORT/v1/translate" | tail -c 120)"
  row 18 "Content-Type: text/plain" "415" "$(curl -s -w ' %{http_code}' -H 'Content-Type: text/plain' -d '{"text":"1"}' "localhost:$PORT/v1/translate" | tail -c 120)"
  printf '{"text":"1 \xc3\x28 2"}' > "$B/bad-utf8.json"
  row 3 "invalid UTF-8 in a request body" "400 with the byte offset" "$(post "@$B/bad-utf8.json")"
  row 19 "slowloris (see bench/faults.sh and seq4j bench serve)" "read timeout, no worker held" \
    "$(python3 - "$PORT" <<'PY'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /v1/translate HTTP/1.1\r\nHost: x\r\n")
t = time.time()
s.settimeout(120)
try:
    data = s.recv(100)
    print("closed by the server after %.1f s: %r" % (time.time() - t, data[:40]))
except Exception as e:
    print("still open after %.1f s (%s)" % (time.time() - t, e))
PY
)"
  row 20 "\`<script>\` in input and output" "escaped on the web page" \
    "$(curl -s "localhost:$PORT/" | grep -c 'textContent') uses of textContent, $(curl -s "localhost:$PORT/" | grep -c 'innerHTML') of innerHTML (WebPageBrowserTest checks it in Chromium)"
  row 21 "\`../\` and \`%2e%2e%2f\` in a path" "rejected" \
    "$(curl -s -o /dev/null -w '%{http_code}' --path-as-is "localhost:$PORT/../etc/passwd") and $(curl -s -o /dev/null -w '%{http_code}' --path-as-is "localhost:$PORT/%2e%2e%2fetc%2fpasswd")"
  stop_server
else
  row 12-21 "server rows" "" "server did not start: $(one_line "$W/bad-server.log")"
fi

sed 's/train: {epochs: 2/train: {epochs: 1/' "$W/tiny.yaml" > "$B/mismatch.yaml"
mkdir -p "$B/mm"
cp "$DATA/train.src" "$B/mm/train.src"
head -n -3 "$DATA/train.trg" > "$B/mm/train.trg"
sed -i "s#train: $DATA/train#train: $B/mm/train#" "$B/mismatch.yaml"
"$S" train --config "$B/mismatch.yaml" --out "$B/mm-run" > "$B/o" 2> "$B/e"
row 22 "src/trg files with different line counts" "refused before training, both counts" "exit $?: $(err_of "$B/e")"
gzip -c "$DATA/train.src" | head -c 2000 > "$B/cut.gz"
"$S" corpus stats "$B/cut.gz" > "$B/o" 2> "$B/e"
row 23 "truncated .gz" "clear error" "exit $?: $(err_of "$B/e")"
cp "$W/in.txt" "$B/same.txt"
sum=$(sha256sum < "$B/same.txt")
"$S" translate --model "$W/ref" --input "$B/same.txt" --output "$B/same.txt" > "$B/o" 2> "$B/e"
row 23 "--output equal to --input" "error; input never clobbered" \
  "exit $?, input $([ "$sum" = "$(sha256sum < "$B/same.txt")" ] && echo intact || echo CHANGED): $(err_of "$B/e")"
"$S" train --config "$W/tiny.yaml" --out "$B/nan" --set train.learningRate=NaN > "$B/o" 2> "$B/e"
row 24 "train.learningRate=NaN" "error, exit 2" "exit $?: $(err_of "$B/e")"
"$S" train --config "$W/tiny.yaml" --out "$B/b0" --set train.batchSize=0 > "$B/o" 2> "$B/e"
row 24 "train.batchSize=0" "error, exit 2" "exit $?: $(err_of "$B/e")"
cp -r "$W/ref/checkpoints/best" "$B/wrong-vocab"
head -n -2 "$B/wrong-vocab/trg.vocab" > "$B/v" && mv "$B/v" "$B/wrong-vocab/trg.vocab"
"$S" translate --model "$B/wrong-vocab" < "$W/in.txt" > "$B/o" 2> "$B/e"
row 25 "trg.vocab edited (its last two lines removed)" "clean error naming the file" "exit $?: $(err_of "$B/e")"
cp -r "$W/ref/checkpoints/best" "$B/wrong-shape"
sed -i 's/hidden: 48/hidden: 40/' "$B/wrong-shape/config.yaml"
"$S" translate --model "$B/wrong-shape" < "$W/in.txt" > "$B/o" 2> "$B/e"
row 25 "config.yaml edited to another hidden size" "clean error naming the file" "exit $?: $(err_of "$B/e")"
