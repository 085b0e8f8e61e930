package dev.seq4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load test against a running server: {@code clients} threads each send one sentence
 * per request, the next as soon as the last is answered, for {@code seconds} or until {@code
 * maxRequests} in all, loopback only. A client refused with 429 waits what its {@code Retry-After}
 * says, as a well-behaved client does. The server's {@code Server-Timing} header, when it sends
 * one, is collected too, so a row also says where the median request's time went.
 */
public final class LoadClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TIMING = Pattern.compile("(\\w+);dur=([0-9.]+)");

  private LoadClient() {}

  /**
   * One measurement.
   *
   * @param requests answered requests (200)
   * @param refused requests refused with 429 (a full queue)
   * @param errors other failures (another status, a connection error)
   * @param throughput answered requests per second
   * @param p50 median latency of the answered requests, in milliseconds
   * @param p99 99th percentile latency of the answered requests, in milliseconds
   * @param refusedP99 99th percentile latency of the 429s, in milliseconds (NaN without any)
   * @param parts median of each {@code Server-Timing} part of the answered requests in
   *     milliseconds, in the server's order, then {@code http}: the median of each request's
   *     latency beyond the server's {@code total} (empty when the server sends no such header)
   */
  public record Row(
      int clients,
      long requests,
      long refused,
      long errors,
      double seconds,
      double throughput,
      double p50,
      double p99,
      double refusedP99,
      Map<String, Double> parts) {}

  /** Runs {@code clients} clients against {@code base} (e.g. {@code http://127.0.0.1:8080}). */
  public static Row run(
      String base, List<String> sentences, int clients, double seconds, long maxRequests)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Samples answered = new Samples();
    List<Long> refusals = Collections.synchronizedList(new ArrayList<>());
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
                    HttpResponse<String> r = http.send(request(base, s), ofString());
                    long latency = System.nanoTime() - t0;
                    if (r.statusCode() == 429) {
                      refusals.add(latency);
                      Thread.sleep(retryAfterMillis(r));
                    } else if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    } else {
                      answered.add(latency, r.headers().firstValue("Server-Timing").orElse(""));
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
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
    List<Long> sorted = answered.latencies();
    List<Long> refused = new ArrayList<>(refusals);
    Collections.sort(refused);
    return new Row(
        clients,
        sorted.size(),
        refused.size(),
        errors.get(),
        elapsed,
        sorted.size() / elapsed,
        percentile(sorted, 0.50),
        percentile(sorted, 0.99),
        percentile(refused, 0.99),
        answered.medianParts());
  }

  private static HttpRequest request(String base, String sentence) throws Exception {
    return HttpRequest.newBuilder(URI.create(base + "/v1/translate"))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(
            HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", sentence))))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /** What a 429's {@code Retry-After} asks for (whole seconds), 1 s when it says nothing usable. */
  static long retryAfterMillis(HttpResponse<?> r) {
    try {
      return 1000 * Long.parseLong(r.headers().firstValue("Retry-After").orElse("1").strip());
    } catch (NumberFormatException e) {
      return 1000;
    }
  }

  /** The durations of a {@code Server-Timing} header by name, in order. */
  public static Map<String, Double> serverTiming(String header) {
    Map<String, Double> parts = new LinkedHashMap<>();
    Matcher m = TIMING.matcher(header);
    while (m.find()) {
      parts.put(m.group(1), Double.parseDouble(m.group(2)));
    }
    return parts;
  }

  /** The nearest-rank percentile of sorted nanosecond values, in milliseconds. */
  public static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
  }

  /** The nearest-rank median of {@code values}. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(Math.max(0, (int) Math.ceil(0.5 * sorted.size()) - 1));
  }

  /** Latencies of answered requests and their server timings (thread-safe). */
  private static final class Samples {
    private final List<Long> latencies = new ArrayList<>();
    private final Map<String, List<Double>> parts = new LinkedHashMap<>();

    synchronized void add(long latencyNanos, String serverTiming) {
      latencies.add(latencyNanos);
      Map<String, Double> timing = serverTiming(serverTiming);
      timing.forEach((k, v) -> parts.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
      if (timing.containsKey("total")) {
        parts
            .computeIfAbsent("http", x -> new ArrayList<>())
            .add(latencyNanos / 1e6 - timing.get("total"));
      }
    }

    synchronized List<Long> latencies() {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted;
    }

    synchronized Map<String, Double> medianParts() {
      Map<String, Double> medians = new LinkedHashMap<>();
      parts.forEach((k, v) -> medians.put(k, median(v)));
      return medians;
    }
  }
}
