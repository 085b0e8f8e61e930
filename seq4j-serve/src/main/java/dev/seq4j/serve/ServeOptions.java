package dev.seq4j.serve;

/**
 * Settings of {@code seq4j serve}.
 *
 * @param host address to bind (loopback by default)
 * @param port TCP port (0: any free port)
 * @param maxBatch most texts decoded together
 * @param maxWaitMillis how long the first request of a batch may wait for others: it waits until as
 *     many requests are in as were at work when the previous batch ended (that batch's and those
 *     queued meanwhile; so a lone client never waits), or {@code maxBatch} texts, or this long
 * @param queueTexts most texts waiting; beyond it requests get 429
 * @param maxBodyBytes largest request body
 * @param maxTexts most texts in one request
 * @param maxTextChars longest text, in UTF-16 code units
 * @param maxBeam largest beam a request may ask for
 * @param maxLength largest maxLength a request may ask for
 * @param timeoutMillis the request timeout: how long a request may wait for and run its translation
 *     before it gets 504 and its decoding is stopped
 * @param threads event-loop threads (network I/O only: decoding has its own thread)
 * @param headerTimeoutMillis a connection must deliver a request's line and headers within this
 *     time of its first byte (or of being opened); a deadline, not an idle timer, so a client that
 *     trickles a byte at a time is closed too
 * @param bodyTimeoutMillis the whole body must arrive within this time of the headers
 * @param idleTimeoutMillis a kept-alive connection with no request in progress is closed after this
 *     long without a first byte
 * @param maxConnections most open connections; further ones are closed at once
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
    int threads,
    long headerTimeoutMillis,
    long bodyTimeoutMillis,
    long idleTimeoutMillis,
    int maxConnections) {

  /** Default header timeout: 10 s. */
  public static final long HEADER_TIMEOUT_MILLIS = 10_000;

  /** Default body timeout: 30 s. */
  public static final long BODY_TIMEOUT_MILLIS = 30_000;

  /** Default keep-alive idle timeout: 60 s. */
  public static final long IDLE_TIMEOUT_MILLIS = 60_000;

  /** Default cap on open connections. */
  public static final int MAX_CONNECTIONS = 4096;

  /**
   * Loopback, port 8080, batches of up to 64 texts gathered for up to 5 ms, a 60 s request timeout,
   * 2 event-loop threads, the default connection timeouts and cap.
   */
  public static ServeOptions defaults() {
    return new ServeOptions("127.0.0.1", 8080, 64, 5, 1024, 1 << 20, 64, 2000, 16, 512, 60_000, 2);
  }

  /** Settings with the default connection timeouts and cap. */
  public ServeOptions(
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
    this(
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
        threads,
        HEADER_TIMEOUT_MILLIS,
        BODY_TIMEOUT_MILLIS,
        IDLE_TIMEOUT_MILLIS,
        MAX_CONNECTIONS);
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
    positive("--request-timeout-ms", timeoutMillis);
    positive("--threads", threads);
    positive("--header-timeout-ms", headerTimeoutMillis);
    positive("--body-timeout-ms", bodyTimeoutMillis);
    positive("--idle-timeout-ms", idleTimeoutMillis);
    positive("--max-connections", maxConnections);
  }

  /** A copy on {@code port}. */
  public ServeOptions withPort(int port) {
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
        threads,
        headerTimeoutMillis,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        maxConnections);
  }

  /** A copy with other batching settings. */
  public ServeOptions withBatching(int maxBatch, long maxWaitMillis, int queueTexts) {
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
        threads,
        headerTimeoutMillis,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        maxConnections);
  }

  /** A copy with other connection timeouts, request timeout and connection cap. */
  public ServeOptions withConnections(
      long headerTimeoutMillis,
      long bodyTimeoutMillis,
      long idleTimeoutMillis,
      long timeoutMillis,
      int maxConnections) {
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
        threads,
        headerTimeoutMillis,
        bodyTimeoutMillis,
        idleTimeoutMillis,
        maxConnections);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, was " + value);
    }
  }
}
