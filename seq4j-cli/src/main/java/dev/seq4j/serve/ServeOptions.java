package dev.seq4j.serve;

/**
 * Settings of {@code seq4j serve}.
 *
 * @param host address to bind (loopback by default)
 * @param port TCP port (0: any free port)
 * @param maxBatch most texts decoded together
 * @param maxWaitMillis how long the first request of a batch waits for others
 * @param queueTexts most texts waiting; beyond it requests get 429
 * @param maxBodyBytes largest request body
 * @param maxTexts most texts in one request
 * @param maxTextChars longest text, in UTF-16 code units
 * @param maxBeam largest beam a request may ask for
 * @param maxLength largest maxLength a request may ask for
 * @param timeoutMillis how long a request waits for its translation
 * @param threads HTTP handler threads
 */
public record ServeOptions(
    String host,
    int port,
    int maxBatch,
    long maxWaitMillis,
    int queueTexts,
    long maxBodyBytes,
    int maxTexts,
    int maxTextChars,
    int maxBeam,
    int maxLength,
    long timeoutMillis,
    int threads) {

  /** Loopback, port 8080, batches of up to 64 texts gathered for up to 5 ms. */
  public static ServeOptions defaults() {
    return new ServeOptions("127.0.0.1", 8080, 64, 5, 1024, 1 << 20, 64, 2000, 16, 512, 60_000, 32);
  }

  /** Validates the fields. */
  public ServeOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be in [0, 65535], was " + port);
    }
    positive("--max-batch", maxBatch);
    if (maxWaitMillis < 0) {
      throw new IllegalArgumentException("--max-wait-ms must be >= 0, was " + maxWaitMillis);
    }
    positive("--queue", queueTexts);
    positive("--max-body", maxBodyBytes);
    positive("--max-texts", maxTexts);
    positive("--max-chars", maxTextChars);
    positive("--max-beam", maxBeam);
    positive("--max-length", maxLength);
    positive("--timeout-ms", timeoutMillis);
    positive("--threads", threads);
  }

  /** A copy on {@code port}. */
  public ServeOptions withPort(int port) {
    return with(port, maxBatch, maxWaitMillis, queueTexts);
  }

  /** A copy with other batching settings. */
  public ServeOptions withBatching(int maxBatch, long maxWaitMillis, int queueTexts) {
    return with(port, maxBatch, maxWaitMillis, queueTexts);
  }

  private ServeOptions with(int port, int maxBatch, long maxWaitMillis, int queueTexts) {
    return new ServeOptions(
        host,
        port,
        maxBatch,
        maxWaitMillis,
        queueTexts,
        maxBodyBytes,
        maxTexts,
        maxTextChars,
        maxBeam,
        maxLength,
        timeoutMillis,
        threads);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
