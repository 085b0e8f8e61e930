package dev.seq4j.serve;

import java.util.Locale;

/**
 * Where one translate request's time went on the server, answered in a W3C {@code Server-Timing}
 * header (browsers' developer tools draw it; {@code seq4j bench serve} sums it): {@code parse}
 * (JSON, checks and tokenization on the event loop), {@code queue} (waiting for the batching
 * thread, the batching delay included), {@code encode} (from the batch's start to its first
 * decoding step: batching the ids and running the encoder), {@code decode} (the decoding steps,
 * with their count, and detokenization), {@code render} (the JSON answer) and {@code total}. What a
 * client measures beyond {@code total} is HTTP and the network.
 *
 * <p>Written by the event loop (parse, render) and the batching thread (the rest); the batching
 * thread's writes happen before it completes the request's future, which the event loop reads
 * after.
 */
final class Timing {
  private final long received;
  private long parsed;
  private long queued;
  private long started;
  private long encoded;
  private long decoded;
  private int steps;

  /** Timing of a request whose whole body arrived at {@code received} ({@link System#nanoTime}). */
  Timing(long received) {
    this.received = received;
  }

  /** The request has been parsed, checked and tokenized. */
  void parsed() {
    parsed = System.nanoTime();
  }

  /** The request is in the queue. */
  void queued() {
    queued = System.nanoTime();
  }

  /**
   * The batch the request was decoded in: when the batching thread started it, ran its first
   * decoding step (after the encoder) and finished it (detokenized), and how many steps it took.
   */
  void batch(long started, long encoded, long decoded, int steps) {
    this.started = started;
    this.encoded = encoded;
    this.decoded = decoded;
    this.steps = steps;
  }

  /** The header's value, with the answer rendered now. */
  String header() {
    long rendered = System.nanoTime();
    return String.format(
        Locale.ROOT,
        "parse;dur=%.3f, queue;dur=%.3f, encode;dur=%.3f, decode;dur=%.3f;desc=\"%d steps\","
            + " render;dur=%.3f, total;dur=%.3f",
        millis(received, parsed),
        millis(queued, started),
        millis(started, encoded),
        millis(encoded, decoded),
        steps,
        millis(decoded, rendered),
        millis(received, rendered));
  }

  private static double millis(long from, long to) {
    return (to - from) / 1e6;
  }
}
