package dev.seq4j.train;

/**
 * A checkpoint that is missing, incomplete or corrupt; the message names the directory and file.
 */
public final class CheckpointException extends RuntimeException {
  /** Creates the exception with its full message. */
  public CheckpointException(String message) {
    super(message);
  }

  /** Creates the exception with its full message and the error that revealed the problem. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
