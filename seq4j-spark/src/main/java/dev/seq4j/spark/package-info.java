/**
 * seq4j's jobs on Apache Spark (docs/SPARK.md): {@link dev.seq4j.spark.DistributedTranslation}
 * translates a string column, {@link dev.seq4j.spark.DistributedScore} computes corpus BLEU and
 * chrF from per-partition sums, {@link dev.seq4j.spark.DistributedCounts} counts tokens, characters
 * and BPE's pairs; each equals its single-machine result. {@code ExecutorModels} keeps one model
 * per executor task thread. {@link dev.seq4j.spark.SparkMain} is the {@code seq4j spark} command
 * line (embedded {@code local[*]} or {@code spark-submit}).
 */
package dev.seq4j.spark;
