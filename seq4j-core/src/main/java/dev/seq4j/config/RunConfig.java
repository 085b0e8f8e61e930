package dev.seq4j.config;

/**
 * Any experiment a YAML file can describe; the top-level {@code task} key selects the record:
 * {@code translate} (the default) is an {@link ExperimentConfig}, {@code classify} and {@code
 * generate} are {@link NamesConfig}s.
 */
public sealed interface RunConfig permits ExperimentConfig, NamesConfig {

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

  static RunConfig read(Section s) {
    Task task = s.choice("task", Task.TRANSLATE, Task.class);
    return task == Task.TRANSLATE ? ExperimentConfig.read(s) : NamesConfig.read(s, task);
  }
}
