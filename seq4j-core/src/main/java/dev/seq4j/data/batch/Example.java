package dev.seq4j.data.batch;

/**
 * One encoded pair: ids without {@code <bos>}/{@code <eos>}.
 *
 * @param trg target ids, or null for source-only input (translation)
 * @param index position in the original input, to restore order after bucketing
 */
public record Example(int[] src, int[] trg, int index) {}
