#!/usr/bin/env bash
# A real ENOSPC during a checkpoint save (RELIABILITY.md 2b.2), for bench/faults.sh to call:
# trains a tiny model into a 400 KiB tmpfs, which fills at the second checkpoint. Survived when
# the command fails with one line naming the checkpoint and the full disk, last/ still verifies,
# and no temporary directory is left; then, with room to spare, --resume continues and metrics.csv
# holds each step once. Prints one line: "ENOSPC during save: survived|FAILED|skipped (reason)".
#
# Mounting a tmpfs needs root (CAP_SYS_ADMIN) or an unprivileged user namespace (the script then
# re-runs itself under unshare -rm); where neither works the fault is skipped with the reason.
# On the 2-core dev machine (2026-12-03, root in a container) the mount works directly.
set -uo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'umount "$work/fs" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/fs"
if ! mount -t tmpfs -o size=400k tmpfs "$work/fs" 2>/dev/null; then
  if [ -z "${SEQ4J_ENOSPC_NS:-}" ] && unshare -rm true 2>/dev/null; then
    # not allowed here, but in a user namespace of our own we are root and may mount a tmpfs
    SEQ4J_ENOSPC_NS=1 exec unshare -rm "$0"
  fi
  echo "ENOSPC during save: skipped (cannot mount a small tmpfs: not root, no user namespaces)"
  exit 0
fi
./seq4j corpus synthetic --task reverse --min-length 3 --max-length 8 --out "$work/data" >/dev/null
head -3000 "$work/data/train.src" > "$work/data/small.src"
head -3000 "$work/data/train.trg" > "$work/data/small.trg"
cat > "$work/tiny.yaml" <<YAML
name: enospc
seed: 1
data: {train: $work/data/small, valid: $work/data/valid, src: src, trg: trg}
model: {type: rnn, cell: gru, embedding: 16, hidden: 32}
train: {epochs: 1, batchSize: 64, learningRate: 0.003, evalEverySteps: 20}
YAML
run="$work/fs/run"
./seq4j train --config "$work/tiny.yaml" --out "$run" >/dev/null 2>"$work/err"
status=$?
line="$(grep '^seq4j: error:' "$work/err")"
expected="seq4j: error: cannot write $run/checkpoints/last: the disk is full (No space left on device); the previous last/ stays as it was"
leftovers="$(find "$run/checkpoints" -name '.tmp-*' -o -name '.old-*' | wc -l)"
if [ "$status" = 2 ] && [ "$line" = "$expected" ] && [ "$leftovers" = 0 ] \
  && (cd "$run/checkpoints/last" && sha256sum -c --quiet MANIFEST.sha256); then
  mount -o remount,size=16m "$work/fs"
  ./seq4j train --config "$work/tiny.yaml" --out "$run" --resume >/dev/null 2>&1
  steps="$(cut -d, -f2 "$run/metrics.csv" | tail -n +2)"
  if [ "$(echo "$steps" | sort | uniq -d)" = "" ]; then
    echo "ENOSPC during save: survived (exit 2: ${line#seq4j: error: })"
    exit 0
  fi
  echo "ENOSPC during save: FAILED (metrics.csv repeats a step after --resume: $steps)"
  exit 1
fi
echo "ENOSPC during save: FAILED (exit $status, '$line', $leftovers temporary entries left)"
exit 1
