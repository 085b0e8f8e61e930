package dev.seq4j.serve;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counters for {@code GET /metrics} in Prometheus' text format: requests by path and status,
 * request latency and batch size histograms, the queue length, cancelled requests, requests that
 * timed out or whose decoding failed, and connections closed by a deadline or refused by the cap.
 */
final class Metrics {
  private static final double[] LATENCY_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30
  };
  private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256};

  private final Map<String, AtomicLong> requests = new TreeMap<>();
  private final Histogram latency = new Histogram(LATENCY_BUCKETS);
  private final Histogram batches = new Histogram(BATCH_BUCKETS);
  private final AtomicLong queue = new AtomicLong();
  private final AtomicLong cancelled = new AtomicLong();
  private final AtomicLong timeouts = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<String, AtomicLong> timedOut = new TreeMap<>();

  /** Counts a finished request and its latency. */
  void request(String path, int status, double seconds) {
    String key = "path=\"" + path + "\",status=\"" + status + "\"";
    synchronized (requests) {
      requests.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }
    latency.observe(seconds);
  }

  void batch(int texts) {
    batches.observe(texts);
  }

  void queueLength(int texts) {
    queue.set(texts);
  }

  void cancelled() {
    cancelled.incrementAndGet();
  }

  /** A request whose translation ran past the request timeout. */
  void timeout() {
    timeouts.incrementAndGet();
  }

  long timeouts() {
    return timeouts.get();
  }

  /** A request whose decoding failed (out of memory, an engine error). */
  void failure() {
    failures.incrementAndGet();
  }

  long failures() {
    return failures.get();
  }

  /** A connection over the cap, closed at once. */
  void connectionRefused() {
    refused.incrementAndGet();
  }

  /** A connection closed because it missed the deadline of {@code phase}. */
  void connectionTimedOut(String phase) {
    synchronized (timedOut) {
      timedOut.computeIfAbsent(phase, k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** The exposition text. */
  String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP seq4j_requests_total HTTP requests by path and status.\n");
    sb.append("# TYPE seq4j_requests_total counter\n");
    synchronized (requests) {
      requests.forEach(
          (k, v) ->
              sb.append("seq4j_requests_total{").append(k).append("} ").append(v).append('\n'));
    }
    latency.render(sb, "seq4j_request_seconds", "Request latency in seconds.");
    batches.render(sb, "seq4j_batch_texts", "Texts decoded together in one batch.");
    sb.append("# HELP seq4j_queue_texts Texts waiting to be decoded.\n");
    sb.append("# TYPE seq4j_queue_texts gauge\n");
    sb.append("seq4j_queue_texts ").append(queue.get()).append('\n');
    sb.append("# HELP seq4j_cancelled_total Requests dropped because their client went away.\n");
    sb.append("# TYPE seq4j_cancelled_total counter\n");
    sb.append("seq4j_cancelled_total ").append(cancelled.get()).append('\n');
    counter(
        sb, "seq4j_timeouts_total", "Requests answered 504: over the request timeout.", timeouts);
    counter(sb, "seq4j_failures_total", "Requests whose decoding failed (507 or 500).", failures);
    counter(sb, "seq4j_connections_refused_total", "Connections over --max-connections.", refused);
    sb.append("# HELP seq4j_connections_timed_out_total Connections closed by a deadline.\n");
    sb.append("# TYPE seq4j_connections_timed_out_total counter\n");
    synchronized (timedOut) {
      timedOut.forEach(
          (phase, n) ->
              sb.append("seq4j_connections_timed_out_total{phase=\"")
                  .append(phase)
                  .append("\"} ")
                  .append(n)
                  .append('\n'));
    }
    return sb.toString();
  }

  private static void counter(StringBuilder sb, String name, String help, AtomicLong value) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
    sb.append("# TYPE ").append(name).append(" counter\n");
    sb.append(name).append(' ').append(value.get()).append('\n');
  }

  /** A cumulative histogram. */
  private static final class Histogram {
    private final double[] bounds;
    private final AtomicLongArray counts;
    private final AtomicLong total = new AtomicLong();
    private double sum;

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.counts = new AtomicLongArray(bounds.length);
    }

    void observe(double v) {
      for (int i = 0; i < bounds.length; i++) {
        if (v <= bounds[i]) {
          counts.incrementAndGet(i);
        }
      }
      total.incrementAndGet();
      synchronized (this) {
        sum += v;
      }
    }

    void render(StringBuilder sb, String name, String help) {
      sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
      sb.append("# TYPE ").append(name).append(" histogram\n");
      for (int i = 0; i < bounds.length; i++) {
        sb.append(name)
            .append("_bucket{le=\"")
            .append(bounds[i])
            .append("\"} ")
            .append(counts.get(i))
            .append('\n');
      }
      sb.append(name).append("_bucket{le=\"+Inf\"} ").append(total.get()).append('\n');
      synchronized (this) {
        sb.append(name).append("_sum ").append(sum).append('\n');
      }
      sb.append(name).append("_count ").append(total.get()).append('\n');
    }
  }
}
