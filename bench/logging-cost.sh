#!/usr/bin/env bash
# What the training visibility of issue 25 costs: the Multi30k BPE Transformer of
# examples/multi30k-transformer-bpe.yaml trained for STEPS updates with the default intervals
# (steps.jsonl every 50 steps, samples every 1,000, per-layer gradient norms every 100) and with all
# three off, interleaved for ROUNDS rounds; prints the training tokens/s of each run (metrics.csv,
# training time only) and the median ratio. Run on an otherwise idle machine:
#   bench/logging-cost.sh [ROUNDS=3] [STEPS=400] [WORKDIR=/tmp/logging-cost] [BATCH_TOKENS=4096]
# Smaller batches make each step cheaper, so the logging's share larger: a bound from above.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROUNDS="${1:-3}"
STEPS="${2:-400}"
WORK="${3:-/tmp/logging-cost}"
BATCH_TOKENS="${4:-4096}"
DATA="${SEQ4J_DATA:-$ROOT/../shared/data}"
mkdir -p "$WORK"
# a copy of the command, so a rebuild during the runs cannot swap it
mkdir -p "$WORK/bin" "$WORK/lib"
cp "$ROOT/seq4j" "$WORK/bin/seq4j"
cp "$ROOT/seq4j-cli/target/seq4j.jar" "$WORK/lib/seq4j.jar"
cp -r "$ROOT/native" "$WORK/" 2>/dev/null || true
sed "s#\.\./shared/data#$DATA#" "$ROOT/examples/multi30k-transformer-bpe.yaml" > "$WORK/config.yaml"
tokens_per_s() {
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "tokens_per_s") c = i } END { print $c }' \
    "$1/metrics.csv"
}
declare -a on off
for round in $(seq 1 "$ROUNDS"); do
  for variant in off on; do
    out="$WORK/run-$variant-$round"
    rm -rf "$out"
    args=(--set "train.maxSteps=$STEPS" --set train.timeLimitMinutes=0
      --set "train.batchTokens=$BATCH_TOKENS")
    if [ "$variant" = off ]; then
      args+=(--set train.logEvery=0 --set train.sampleEvery=0 --set train.gradEvery=0)
    fi
    "$WORK/bin/seq4j" train --config "$WORK/config.yaml" --out "$out" --quiet "${args[@]}" \
      > "$out.log" 2>&1
    t="$(tokens_per_s "$out")"
    share="$(python3 -c "import json, sys; m = json.load(open(sys.argv[1])); print('%.3f' % (100 * m['log_seconds'] / m['train_seconds']))" "$out/metrics.json")"
    echo "round $round, logging $variant: $t tokens/s (writing logs and samples: $share % of training time)"
    if [ "$variant" = on ]; then on+=("$t"); else off+=("$t"); fi
  done
done
python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
ratios = [a / b for a, b in zip(on, off)]
print("on/off per round: " + ", ".join(f"{r:.4f}" for r in ratios))
print(f"median on/off {statistics.median(ratios):.4f}: logging costs "
      f"{100 * (1 - statistics.median(ratios)):.2f} % of training throughput")
PY
