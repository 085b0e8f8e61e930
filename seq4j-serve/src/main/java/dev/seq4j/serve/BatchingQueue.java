package dev.seq4j.serve;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.engine.OutOfMemory;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching: requests wait up to {@code maxWait} for others with the same decoding settings,
 * up to {@code maxBatch} texts, and one worker thread translates them together (a {@link
 * Translator} is not thread-safe, and one thread already uses every core through libtorch). A
 * request whose future is done before its turn (its client went away, or it timed out) is dropped
 * undecoded; a batch is stopped between decoding steps once every request in it is done, so the
 * worker is never held by answers nobody waits for. When a batch fails (out of memory, an engine
 * error), its requests are retried one by one, so only the culprit fails: with 507 for an
 * allocation failure, 500 otherwise.
 */
final class BatchingQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchingQueue.class);

  /** One request: its texts, decoding settings, how much attention it wants, and its result. */
  record Job(
      List<String> texts,
      DecodeConfig decode,
      Translator.Attention attention,
      CompletableFuture<List<Translator.Translation>> result) {}

  private final TranslationBundle bundle;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final int capacity;
  private final Metrics metrics;
  private final LinkedList<Job> jobs = new LinkedList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final Map<DecodeConfig, Translator> translators = new HashMap<>();
  private final Thread worker;
  private int queuedTexts;
  private boolean closed;
  private volatile Consumer<List<String>> beforeDecode = texts -> {};

  BatchingQueue(
      TranslationBundle bundle, int maxBatch, long maxWaitMillis, int capacity, Metrics metrics) {
    this.bundle = bundle;
    this.maxBatch = maxBatch;
    this.maxWaitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    this.capacity = capacity;
    this.metrics = metrics;
    this.worker = new Thread(this::work, "seq4j-batcher");
    worker.setDaemon(true);
    worker.start();
  }

  /** Queues {@code job}; false when the queue already holds {@code capacity} texts. */
  boolean offer(Job job) {
    lock.lock();
    try {
      if (closed || queuedTexts + job.texts().size() > capacity) {
        return false;
      }
      jobs.add(job);
      queuedTexts += job.texts().size();
      metrics.queueLength(queuedTexts);
      arrived.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Texts waiting to be decoded. */
  int queued() {
    lock.lock();
    try {
      return queuedTexts;
    } finally {
      lock.unlock();
    }
  }

  private void work() {
    while (true) {
      List<Job> batch;
      try {
        batch = next();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (batch == null) {
        return;
      }
      run(batch);
    }
  }

  /** Waits for a first job, then gathers jobs with its settings for up to maxWait. */
  private List<Job> next() throws InterruptedException {
    lock.lock();
    try {
      while (jobs.isEmpty()) {
        if (closed) {
          return null;
        }
        arrived.await();
      }
      Job first = jobs.peek();
      long deadline = System.nanoTime() + maxWaitNanos;
      while (!closed && matching(first) < maxBatch) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        arrived.awaitNanos(left);
      }
      List<Job> batch = new ArrayList<>();
      int texts = 0;
      for (Iterator<Job> it = jobs.iterator(); it.hasNext(); ) {
        Job j = it.next();
        boolean same = j.decode().equals(first.decode()) && j.attention() == first.attention();
        if (same && (batch.isEmpty() || texts + j.texts().size() <= maxBatch)) {
          it.remove();
          batch.add(j);
          texts += j.texts().size();
          queuedTexts -= j.texts().size();
        }
      }
      metrics.queueLength(queuedTexts);
      return batch;
    } finally {
      lock.unlock();
    }
  }

  private int matching(Job first) {
    int n = 0;
    for (Job j : jobs) {
      if (j.decode().equals(first.decode()) && j.attention() == first.attention()) {
        n += j.texts().size();
      }
    }
    return n;
  }

  private void run(List<Job> batch) {
    List<Job> live = new ArrayList<>();
    int texts = 0;
    for (Job j : batch) {
      if (j.result().isDone()) { // cancelled (the client went away) or timed out
        metrics.cancelled();
        continue;
      }
      live.add(j);
      texts += j.texts().size();
    }
    if (live.isEmpty()) {
      return;
    }
    metrics.batch(texts);
    try {
      translate(live);
    } catch (CancellationException e) {
      LOG.debug("batch stopped: no request of it is waiting any more ({})", e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      if (live.size() == 1) {
        fail(live.get(0), e);
        return;
      }
      LOG.warn("a batch of {} requests failed ({}); retrying them one by one", live.size(), e);
      for (Job j : live) {
        alone(j);
      }
    }
  }

  private void alone(Job j) {
    if (j.result().isDone()) {
      return;
    }
    try {
      translate(List.of(j));
    } catch (CancellationException e) {
      LOG.debug("request stopped: {}", e.getMessage());
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(j, e);
    }
  }

  /** Decodes {@code live} as one batch, stopping between steps once none of them waits. */
  private void translate(List<Job> live) {
    List<String> texts = new ArrayList<>();
    live.forEach(j -> texts.addAll(j.texts()));
    beforeDecode.accept(texts);
    Translator t =
        translators.computeIfAbsent(live.get(0).decode(), d -> new Translator(bundle, d));
    List<Translator.Translation> all =
        t.translate(
            texts,
            live.get(0).attention(),
            false,
            Translator.Origin.LINES,
            () -> live.stream().allMatch(j -> j.result().isDone()));
    int from = 0;
    for (Job j : live) {
      j.result().complete(all.subList(from, from + j.texts().size()));
      from += j.texts().size();
    }
  }

  /** Fails one request: 507 when memory ran out, 500 for another error. */
  private void fail(Job j, Throwable e) {
    metrics.failure();
    String message = String.valueOf(e.getMessage());
    boolean memory = OutOfMemory.is(e);
    LOG.error("translation of {} texts failed", j.texts().size(), e);
    j.result()
        .completeExceptionally(
            memory
                ? new ApiException(
                    507,
                    "out of memory translating this request ("
                        + message
                        + "); send fewer or shorter texts, or ask for a smaller beam or maxLength",
                    null)
                : new ApiException(500, "translation failed: " + message, null));
  }

  /** A test's hook: runs with a batch's texts just before they are decoded (it may throw). */
  void beforeDecode(Consumer<List<String>> hook) {
    this.beforeDecode = hook;
  }

  /** Stops taking jobs; the worker finishes those queued, then ends. */
  void drain() {
    lock.lock();
    try {
      closed = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits for the worker to finish the queued jobs. */
  boolean awaitDrained(long millis) throws InterruptedException {
    worker.join(millis);
    return !worker.isAlive();
  }

  @Override
  public void close() {
    drain();
    try {
      awaitDrained(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
