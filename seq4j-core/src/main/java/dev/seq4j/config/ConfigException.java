package dev.seq4j.config;

/** A configuration error; the message names the file and line (or the override) and the key. */
public final class ConfigException extends RuntimeException {
  /** Creates the exception with its full message. */
  public ConfigException(String message) {
    super(message);
  }
}
