package dev.seq4j.data.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts examples into length-bucketed batches: sorted by (source length, target length) with a
 * seeded random tie-break, cut by sentence count or by padded-token budget, then (optionally) the
 * order of the batches is shuffled. The same seed gives the same plan.
 */
public final class Batcher {
  private static final Logger LOG = LoggerFactory.getLogger(Batcher.class);

  private Batcher() {}

  /** The batches of {@code examples} and how many were dropped for length. */
  public record Plan(List<Batch> batches, int dropped) {}

  /** Plans batches; {@code ids} are the pad, bos and eos ids. */
  public static Plan plan(
      List<Example> examples, BatchingOptions options, int padId, int bosId, int eosId) {
    List<Example> kept = new ArrayList<>(examples.size());
    int dropped = 0;
    for (Example e : examples) {
      boolean tooLong =
          e.src().length > options.maxLength()
              || (e.trg() != null && e.trg().length > options.maxLength());
      if (tooLong || e.src().length == 0) {
        dropped++;
      } else {
        kept.add(e);
      }
    }
    if (dropped > 0) {
      LOG.info(
          "dropped {} of {} examples (empty or longer than {} tokens)",
          dropped,
          examples.size(),
          options.maxLength());
    }
    Random random = new Random(options.seed());
    Collections.shuffle(kept, random); // random tie-break for the stable sort below
    kept.sort(
        Comparator.comparingInt((Example e) -> e.src().length)
            .thenComparingInt(Batcher::trgLength));
    List<Batch> batches = new ArrayList<>();
    List<Example> current = new ArrayList<>();
    int longest = 0;
    for (Example e : kept) {
      int size = Math.max(e.src().length, trgLength(e) + 1);
      int newLongest = Math.max(longest, size);
      boolean full =
          options.batchTokens() > 0
              ? (long) newLongest * (current.size() + 1) > options.batchTokens()
              : current.size() >= options.batchSize();
      if (full && !current.isEmpty()) {
        batches.add(Batch.of(current, padId, bosId, eosId));
        current = new ArrayList<>();
        newLongest = size;
      }
      current.add(e);
      longest = newLongest;
    }
    if (!current.isEmpty()) {
      batches.add(Batch.of(current, padId, bosId, eosId));
    }
    if (options.shuffle()) {
      Collections.shuffle(batches, random);
    }
    return new Plan(batches, dropped);
  }

  private static int trgLength(Example e) {
    return e.trg() == null ? 0 : e.trg().length;
  }
}
