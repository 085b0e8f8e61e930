package dev.seq4j.train;

/**
 * Training cannot go on: it diverged, skipped too many steps, validated to a non-finite loss, or
 * would have saved a non-finite parameter (see {@code DivergenceGuard}); checkpoints already
 * written stay valid and unchanged.
 */
public final class TrainingException extends RuntimeException {
  /** Creates the exception with its full message. */
  public TrainingException(String message) {
    super(message);
  }
}
