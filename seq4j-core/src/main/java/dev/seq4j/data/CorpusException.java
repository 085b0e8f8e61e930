package dev.seq4j.data;

/** A problem with a corpus file; the message names the file and, where known, the line. */
public final class CorpusException extends RuntimeException {
  /** Creates the exception with its full message. */
  public CorpusException(String message) {
    super(message);
  }

  /** Creates the exception with its full message and cause. */
  public CorpusException(String message, Throwable cause) {
    super(message, cause);
  }
}
