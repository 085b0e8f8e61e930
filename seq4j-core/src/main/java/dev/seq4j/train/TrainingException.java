package dev.seq4j.train;

/** Training cannot go on (a non-finite loss, say); checkpoints already written stay valid. */
public final class TrainingException extends RuntimeException {
  /** Creates the exception with its full message. */
  public TrainingException(String message) {
    super(message);
  }
}
