package dev.seq4j.config;

/**
 * What every experiment a YAML file describes has, whatever its task: the records themselves live
 * with their task ({@code translate.TranslationConfig}, {@code names.NamesConfig}); the top-level
 * {@code task} key ({@link #task(Section)}) tells the caller which one to read.
 */
public interface RunConfig {

  /** What an experiment trains. */
  enum Task {
    /** A sequence-to-sequence translator. */
    TRANSLATE,
    /** A character-level classifier of names (surname → nationality). */
    CLASSIFY,
    /** A character-level language model that writes names. */
    GENERATE
  }

  /** The run's label. */
  String name();

  /** The run's seed. */
  long seed();

  /** How to train. */
  TrainConfig train();

  /** The task. */
  Task task();

  /** The top-level {@code task} key of {@code s} ({@code translate} when absent). */
  static Task task(Section s) {
    return s.choice("task", Task.TRANSLATE, Task.class);
  }
}
