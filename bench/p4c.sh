#!/usr/bin/env bash
# P4c of ../shared/bench (beam 5 over the P2 model, 64 sentences, exactly 30 steps): the PyTorch peer
# and `seq4j bench p4c` interleaved, REPEATS rounds; prints each RESULT line. seq4j reports the exact
# workload (one sentence at a time) and the same beam batched over the 64 sentences.
# Usage: bench/p4c.sh [REPEATS]   (from the project root; needs Debian's python3-torch)
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
tc=$(ls /usr/lib/*/libtcmalloc_minimal.so.4 2>/dev/null | head -n 1 || true)
for r in $(seq 1 "$repeats"); do
  echo "# round $r"
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${tc:+LD_PRELOAD=$tc} /usr/bin/python3 \
      ../shared/bench/peers/p4c_beam5_lstm_attn.py | grep '^RESULT' | sed 's/^/peer  /'
  ./seq4j bench p4c 2>/dev/null | grep '^RESULT' | sed 's/^/seq4j /'
done
