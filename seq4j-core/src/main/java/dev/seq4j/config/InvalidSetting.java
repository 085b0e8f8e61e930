package dev.seq4j.config;

/**
 * A setting a record's compact constructor refuses, named by its full YAML key (e.g. {@code
 * model.locationWidth}). Built from code, the message is {@code "KEY: PROBLEM"}; read from YAML,
 * {@link Section#check} turns it into a {@link ConfigException} with the file and line.
 */
public final class InvalidSetting extends IllegalArgumentException {
  private final String key;
  private final String problem;

  /** The setting {@code key} (full YAML key) is invalid because of {@code problem}. */
  public InvalidSetting(String key, String problem) {
    super(key + ": " + problem);
    this.key = key;
    this.problem = problem;
  }

  /** The full YAML key. */
  public String key() {
    return key;
  }

  /** What is wrong, without the key. */
  public String problem() {
    return problem;
  }
}
