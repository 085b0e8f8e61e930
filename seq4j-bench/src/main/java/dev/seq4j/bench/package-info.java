/**
 * Benchmarks, kept out of the library and the CLI:
 *
 * <ul>
 *   <li>{@link dev.seq4j.bench.TextBenchmarks}: JMH benchmarks of the hot code around the tensors
 *       (tokenizers, BPE, BLEU/chrF, batch planning). Run {@code bench/jmh.sh} (all) or {@code
 *       bench/jmh.sh 'TextBenchmarks.bleu' -f 1} (one).
 *   <li>{@link dev.seq4j.bench.Workloads}: the tensor workloads P1–P4c of {@code
 *       shared/bench/README.md} (training P1, P2, P3; greedy P4a, P4b; beam P4c) built from seq4j's
 *       own model, loss and optimizer classes with the peers' shapes. Run {@code ./seq4j bench
 *       p1|p2|p3|p4a|p4b|p4c}; {@code bench/compare.sh 3} interleaves them with the PyTorch peers
 *       (docs/BENCHMARKS.md).
 *   <li>{@link dev.seq4j.bench.LoadClient}: a closed-loop HTTP client that measures a running
 *       {@code seq4j serve} (throughput, p50, p99). Run {@code ./seq4j bench serve --model DIR
 *       --input FILE}: 1, 2 and 8 clients with dynamic batching on and off.
 * </ul>
 *
 * A new tensor workload: a method in {@code Workloads} returning its {@code Result}s, a {@code
 * case} in the CLI's {@code BenchCommand}, its parameter count checked in {@code WorkloadsTest}.
 */
package dev.seq4j.bench;
