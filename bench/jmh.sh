#!/usr/bin/env bash
# JMH benchmarks of the hot non-tensor code (seq4j-bench: tokenizers, BPE, BLEU/chrF, batching).
# Builds the module, then runs JMH with any JMH arguments given, e.g.
#   bench/jmh.sh                            # everything: 3 forks x 5 iterations (~3 minutes)
#   bench/jmh.sh 'TextBenchmarks.bleu' -f 1 # one benchmark, one fork
# Run it on an otherwise idle machine: JMH's error bars on 2 cores are wide.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -pl seq4j-bench -am install -DskipTests >&2
cp="$(mktemp)"
trap 'rm -f "$cp"' EXIT
mvn -q -B -pl seq4j-bench dependency:build-classpath -Dmdep.outputFile="$cp" >&2
exec java -cp "seq4j-bench/target/classes:$(cat "$cp")" org.openjdk.jmh.Main "$@"
