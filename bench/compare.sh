#!/usr/bin/env bash
# seq4j against the PyTorch peers of ../shared/bench, interleaved (peer, seq4j, peer, seq4j, …),
# REPEATS rounds, in two pairings: stock (glibc malloc on both sides) and tuned (tcmalloc on both
# sides, both with TCMALLOC_RELEASE_RATE=0 as seq4j's launcher sets it). Prints every RESULT line
# as it comes, then a table of medians and the ratio seq4j / peer.
#
#   bench/compare.sh [REPEATS] [WORKLOAD...]     (from the project root; default: 3, p0 … p4c)
#   MODES="tuned" bench/compare.sh 3 p2 p3       (one pairing only)
#   LOG=compare.log bench/compare.sh 3           (also keep the peers' and seq4j's full output)
#
# Every run's peak RSS (the largest resident set of the process and its children, from getrusage)
# is collected too and tabled beside the throughput medians.
#
# Needs Debian's python3-torch for the peers (TORCH_PY, default /usr/bin/python3) and nothing else
# heavy running: the machine has 2 cores and the figures are only meaningful as ratios within a run.
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
shift || true
workloads=("$@")
[ ${#workloads[@]} -gt 0 ] || workloads=(p0 p1 p2 p3 p4a p4b p4c)
modes=(${MODES:-stock tuned})
py="${TORCH_PY:-/usr/bin/python3}"
peers=../shared/bench/peers
log="${LOG:-/dev/null}"

declare -A script=(
  [p0]=p0_peak_torch.py [p1]=p1_seed_lstm_b1.py [p2]=p2_lstm_attn_b64.py [p3]=p3_transformer_small.py
  [p4a]=p4a_greedy_lstm_attn.py [p4b]=p4b_greedy_transformer.py [p4c]=p4c_beam5_lstm_attn.py)
for w in "${workloads[@]}"; do
  [ -n "${script[$w]:-}" ] || { echo "error: unknown workload '$w' (known: ${!script[*]})" >&2; exit 2; }
done
[ -d "$peers" ] || { echo "error: $peers not found (the peers live in shared/bench/peers)" >&2; exit 1; }
"$py" -c 'import torch' 2>/dev/null || {
  echo "error: $py cannot import torch; install the peers' PyTorch (Debian, as root):" >&2
  echo "  apt-get update && apt-get install -y python3-torch libopenblas0-openmp" >&2
  echo "(see ../shared/bench/README.md; TORCH_PY=... picks another interpreter)" >&2
  exit 1; }
tc="$(ls /usr/lib/*/libtcmalloc_minimal.so.4 2>/dev/null | head -n 1 || true)"
if [[ " ${modes[*]} " == *" tuned "* ]] && [ -z "$tc" ]; then
  echo "error: the tuned pairing needs tcmalloc: apt-get install -y libtcmalloc-minimal4" >&2
  exit 1
fi
[ -f seq4j-cli/target/seq4j.jar ] || ./seq4j --version >/dev/null  # build once, outside the timing

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
# runs a command, then prints "PEAK_RSS_KB n": the peak RSS of the command and its descendants
peak_rss=(python3 -c 'import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
print("PEAK_RSS_KB %d" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
sys.exit(code)')
{
  echo "# $(date -u +%FT%TZ) cpu=\"$(lscpu | sed -n 's/^Model name: *//p')\" nproc=$(nproc)"
  echo "# torch $("$py" -c 'import torch; print(torch.__version__)'); $(./seq4j info 2>/dev/null | grep -E '^(engine|threads)' | tr '\n' ' ')"
} | tee -a "$log"
for mode in "${modes[@]}"; do
  for r in $(seq 1 "$repeats"); do
    for w in "${workloads[@]}"; do
      if [ "$mode" = tuned ]; then peer_env=(LD_PRELOAD="$tc" TCMALLOC_RELEASE_RATE=0); ours=tcmalloc; else peer_env=(); ours=system; fi
      out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "${peer_env[@]}" "${peak_rss[@]}" "$py" "$peers/${script[$w]}" 2>&1)"
      echo "$out" >> "$log"
      echo "$out" | grep -E '^(RESULT|PEAK_RSS_KB)' | sed "s/^/$mode $r $w peer  /" | tee -a "$results"
      out="$(SEQ4J_ALLOCATOR="$ours" SEQ4J_REBUILD=0 "${peak_rss[@]}" ./seq4j bench "$w" 2>&1)"
      echo "$out" >> "$log"
      echo "$out" | grep -E '^(RESULT|PEAK_RSS_KB)' | sed "s/^/$mode $r $w seq4j /" | tee -a "$results"
    done
  done
done

median() { sort -g | awk '{v[NR]=$1} END {if (NR == 0) print "nan"; else if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
echo
printf '%-6s %-5s %-26s %-12s %12s %12s %8s\n' mode id seq4j_result metric peer seq4j ratio
for mode in "${modes[@]}"; do
  for w in "${workloads[@]}"; do
    peer_name="$(grep "^$mode [0-9]* $w peer " "$results" | head -n 1 | field name)"
    peer="$(grep "^$mode [0-9]* $w peer " "$results" | field value | median)"
    for name in $(grep "^$mode [0-9]* $w seq4j " "$results" | field name | sort -u | grep -v '_products$'); do
      ours="$(grep "^$mode [0-9]* $w seq4j .*name=$name " "$results" | field value | median)"
      metric="$(grep "^$mode [0-9]* $w seq4j .*name=$name " "$results" | head -n 1 | field metric)"
      printf '%-6s %-5s %-26s %-12s %12s %12s %8s\n' "$mode" "$w" "$name" "$metric" "$peer" "$ours" \
        "$(awk -v a="$ours" -v b="$peer" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "nan" }')"
    done
    [ -n "$peer_name" ] || echo "warning: no RESULT from the $w peer in mode $mode" >&2
  done
done
echo "(medians of $repeats interleaved rounds; ratio = seq4j / peer, higher is better for seq4j)"

echo
printf '%-6s %-5s %16s %16s\n' mode id peer_peak_MiB seq4j_peak_MiB
for mode in "${modes[@]}"; do
  for w in "${workloads[@]}"; do
    rss() { grep "^$mode [0-9]* $w $1 *PEAK_RSS_KB " "$results" | awk '{print $NF / 1024}' | median; }
    printf '%-6s %-5s %16.0f %16.0f\n' "$mode" "$w" "$(rss peer)" "$(rss seq4j)"
  done
done
echo "(medians of the runs' peak resident set sizes)"

# The training steps' matrix products (GFLOP/s, counted from the shapes by seq4j's TrainingFlops)
# against each side's own P0 of the same pairing; the peer's rate is seq4j's scaled by the
# tokens/s ratio (same shapes, same products).
if [[ " ${workloads[*]} " == *" p0 "* ]]; then
  echo
  printf '%-6s %-5s %14s %14s %16s %14s\n' mode id seq4j_GFLOP/s share_of_P0 peer_GFLOP/s share_of_P0
  for mode in "${modes[@]}"; do
    p0_ours="$(grep "^$mode [0-9]* p0 seq4j " "$results" | field value | median)"
    p0_peer="$(grep "^$mode [0-9]* p0 peer " "$results" | field value | median)"
    for w in p2 p3; do
      [[ " ${workloads[*]} " == *" $w "* ]] || continue
      g="$(grep "^$mode [0-9]* $w seq4j .*_products " "$results" | field value | median)"
      t_ours="$(grep "^$mode [0-9]* $w seq4j " "$results" | grep -v '_products ' | field value | median)"
      t_peer="$(grep "^$mode [0-9]* $w peer " "$results" | field value | median)"
      awk -v m="$mode" -v w="$w" -v g="$g" -v a="$p0_ours" -v b="$p0_peer" -v to="$t_ours" -v tp="$t_peer" \
        'BEGIN { gp = g * tp / to; printf "%-6s %-5s %14.1f %13.1f%% %16.1f %13.1f%%\n", m, w, g, 100 * g / a, gp, 100 * gp / b }'
    done
  done
fi
