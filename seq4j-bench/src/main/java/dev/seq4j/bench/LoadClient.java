package dev.seq4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load test against a running server: {@code clients} threads each send one sentence
 * per request, the next as soon as the last is answered, for {@code seconds} or until {@code
 * maxRequests} in all, loopback only.
 */
public final class LoadClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadClient() {}

  /**
   * One measurement.
   *
   * @param throughput answered requests per second
   * @param p50 median latency in milliseconds
   * @param p99 99th percentile latency in milliseconds
   */
  public record Row(
      int clients,
      long requests,
      long errors,
      double seconds,
      double throughput,
      double p50,
      double p99) {}

  /** Runs {@code clients} clients against {@code base} (e.g. {@code http://127.0.0.1:8080}). */
  public static Row run(
      String base, List<String> sentences, int clients, double seconds, long maxRequests)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicLong issued = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c * 7919;
      Thread t =
          new Thread(
              () -> {
                long n;
                while (System.nanoTime() < end && (n = issued.getAndIncrement()) < maxRequests) {
                  String s = sentences.get((int) ((n + offset) % sentences.size()));
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<String> r =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(60))
                                .POST(
                                    HttpRequest.BodyPublishers.ofString(
                                        JSON.writeValueAsString(Map.of("text", s))))
                                .build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                      continue;
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                    continue;
                  }
                  latencies.add(System.nanoTime() - t0);
                }
              },
              "load-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return new Row(
        clients,
        sorted.size(),
        errors.get(),
        elapsed,
        sorted.size() / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99));
  }

  /** The nearest-rank percentile of sorted nanosecond values, in milliseconds. */
  public static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }
}
