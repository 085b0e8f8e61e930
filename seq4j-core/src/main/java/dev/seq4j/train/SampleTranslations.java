package dev.seq4j.train;

import java.util.List;

/**
 * What a task shows while it trains: a few fixed validation inputs, their references and the
 * model's current greedy outputs. The trainer asks every {@code train.sampleEvery} steps and at
 * each evaluation; a task that has nothing to show keeps {@link #NONE}. The task supplies it
 * ({@link TrainingTask#samples}), so the loop needs to know nothing of decoding.
 */
public interface SampleTranslations {

  /** One sample: the input, the reference and what the model makes of the input now. */
  record Sample(String source, String reference, String output) {}

  /** The samples, decoded by the model as it is now (in evaluation mode). */
  List<Sample> translate();

  /** No samples. */
  SampleTranslations NONE = List::of;
}
