#!/usr/bin/env bash
# Training speed of the source document's batch-1 recipe (examples/seed-lstm.yaml) against the
# default batched setup (examples/multi30k-lstm.yaml) on Multi30k de→en, interleaved, REPEATS rounds.
# Prints target tokens/s of training steps (evaluation excluded) and the ratio per round.
# Usage: bench/seed-vs-batched.sh [REPEATS]   (from the project root; needs ../shared/data/multi30k)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
data=../shared/data/multi30k
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
zcat "$data/val.de.gz" | awk 'NR <= 100' > "$tmp/val.de"
zcat "$data/val.en.gz" | awk 'NR <= 100' > "$tmp/val.en"
common=(--set "data.valid=$tmp/val")
seed=(--config examples/seed-lstm.yaml --set "data.train=$data/train" --set data.src=de --set data.trg=en
      --set data.srcTokenizer=word --set data.lowercase=false --set data.minFreq=2 --set data.maxVocab=12000
      --set data.maxLength=50 --set train.maxSteps=3000)
batched=(--config examples/multi30k-lstm.yaml --set train.maxSteps=400)
tps() { grep -o '"train_tokens_per_s" : [0-9.]*' "$1/metrics.json" | awk '{print $3}'; }
printf '%-6s %14s %14s %8s\n' round seed_tok/s batched_tok/s ratio
for r in $(seq 1 "$repeats"); do
  ./seq4j train "${seed[@]}" "${common[@]}" --out "$tmp/seed$r" > "$tmp/seed$r.log" 2>&1
  ./seq4j train "${batched[@]}" "${common[@]}" --out "$tmp/batched$r" > "$tmp/batched$r.log" 2>&1
  s=$(tps "$tmp/seed$r"); b=$(tps "$tmp/batched$r")
  printf '%-6s %14.0f %14.0f %8.1f\n' "$r" "$s" "$b" "$(awk -v b="$b" -v s="$s" 'BEGIN{print b/s}')"
done
./seq4j info | grep -E 'allocator|mkl|threads'
