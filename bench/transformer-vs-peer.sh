#!/usr/bin/env bash
# Training speed of examples/multi30k-transformer.yaml against the PyTorch quality peer
# (../shared/bench/quality/multi30k_transformer.py: the same model and recipe), interleaved,
# REPEATS rounds of MINUTES each. Prints target tokens/s of training steps for both and the ratio.
# Needs Debian's python3-torch (apt-get install -y python3-torch libopenblas0-openmp).
# Usage: bench/transformer-vs-peer.sh [REPEATS] [MINUTES]   (from the project root)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-2}"
minutes="${2:-2.5}"
data=../shared/data/multi30k
peer=../shared/bench/quality/multi30k_transformer.py
/usr/bin/python3 -c 'import torch' 2>/dev/null || {
  echo "error: /usr/bin/python3 cannot import torch (apt-get install -y python3-torch libopenblas0-openmp)" >&2
  exit 1; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
zcat "$data/val.de.gz" | head -n 100 > "$tmp/val.de"
zcat "$data/val.en.gz" | head -n 100 > "$tmp/val.en"
tc=$(ls /usr/lib/*/libtcmalloc_minimal.so.4 2>/dev/null | head -n 1 || true)
printf '%-6s %14s %14s %8s\n' round peer_tok/s seq4j_tok/s ratio
for r in $(seq 1 "$repeats"); do
  p=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${tc:+LD_PRELOAD=$tc} /usr/bin/python3 "$peer" \
        --minutes "$minutes" --limit-test 20 --work "$tmp/peer$r" --hyp-dir "$tmp/hyp$r" 2>&1 \
      | sed -n 's/.*mean tgt tok\/s \([0-9]*\).*/\1/p')
  ./seq4j train --config examples/multi30k-transformer.yaml --set "train.timeLimitMinutes=$minutes" \
      --set "data.valid=$tmp/val" --out "$tmp/seq4j$r" > "$tmp/seq4j$r.log" 2>&1
  s=$(grep -o '"train_tokens_per_s" : [0-9.]*' "$tmp/seq4j$r/metrics.json" | awk '{print $3}')
  printf '%-6s %14.0f %14.0f %8.2f\n' "$r" "$p" "$s" "$(awk -v a="$s" -v b="$p" 'BEGIN{print a/b}')"
done
./seq4j info | grep -E 'allocator|mkl|threads'
echo "peer allocator: ${tc:-glibc malloc}"
