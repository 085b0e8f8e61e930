#!/usr/bin/env bash
# Trains the names models of examples/NAMES.md two at a time, one thread each (2-core machine):
# GRU and LSTM classifiers, then the Elman classifier and the conditioned generator, then the
# unconditioned generator. Run from the project root; runs go to runs/names-*.
set -euo pipefail
cd "$(dirname "$0")/.."
export SEQ4J_THREADS=1
run() { # NAME CONFIG [--set ...]
  local name=$1 config=$2; shift 2
  rm -rf "runs/$name"
  ./seq4j train --config "$config" --out "runs/$name" "$@" > "runs/$name.log" 2>&1
}
./seq4j info > /dev/null   # builds once before the parallel runs
export SEQ4J_REBUILD=0     # and never while they run
run names-gru examples/names-classifier.yaml &
run names-lstm examples/names-classifier.yaml --set model.cell=lstm &
wait
run names-elman examples/names-classifier.yaml --set model.cell=elman &
run names-gen examples/names-generator.yaml &
wait
run names-gen-plain examples/names-generator.yaml --set model.conditioned=false
grep -h "^test:\|^train:" runs/names-*.log
