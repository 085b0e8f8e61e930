package dev.seq4j.serve;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.engine.OutOfMemory;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching: a request waits up to {@code maxWait} for others with the same decoding
 * settings, until there are as many as the requests seen at work when the previous batch ended (its
 * own, whose clients may come back, and those queued meanwhile) or {@code maxBatch} texts, and one
 * worker thread translates them together (a {@link Translator} is not thread-safe, and one thread
 * already uses every core through libtorch). A request whose future is done before its turn (its
 * client went away, or it timed out) is dropped undecoded; a batch is stopped between decoding
 * steps once every request in it is done, so the worker is never held by answers nobody waits for.
 * Waiting for that many requests means a lone client never waits (the previous batch was its
 * request alone and nothing queued meanwhile), N clients wait only until all N are in (so two
 * halves that took turns join into one batch), and a client that leaves costs one wait of {@code
 * maxWait}. When a batch fails (out of memory, an engine error), its requests are retried one by
 * one, so only the culprit fails: with 507 for an allocation failure, 500 otherwise.
 */
final class BatchingQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BatchingQueue.class);

  /**
   * One request: its texts and their source tokens (tokenized once, when the request was checked),
   * decoding settings, how much attention it wants, where its time goes, and its result.
   */
  record Job(
      List<String> texts,
      List<List<String>> tokens,
      DecodeConfig decode,
      Translator.Attention attention,
      Timing timing,
      CompletableFuture<List<Translator.Translation>> result) {}

  private final Function<DecodeConfig, Translator> newTranslator;
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
  private int expected = 1;
  private boolean closed;
  private volatile Consumer<List<String>> beforeDecode = texts -> {};

  /**
   * A queue whose worker translates with {@code newTranslator}'s translator for each set of
   * decoding settings (made once per setting).
   */
  BatchingQueue(
      Function<DecodeConfig, Translator> newTranslator,
      int maxBatch,
      long maxWaitMillis,
      int capacity,
      Metrics metrics) {
    this.newTranslator = newTranslator;
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
      job.timing().queued();
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

  /**
   * Waits for a first job, then for up to maxWait gathers jobs with its settings, until there are
   * as many as were at work when the previous batch ended, or maxBatch texts.
   */
  private List<Job> next() throws InterruptedException {
    lock.lock();
    try {
      expected += jobs.size(); // the previous batch's requests, and those queued while it ran
      while (jobs.isEmpty()) {
        if (closed) {
          return null;
        }
        arrived.await();
      }
      Job first = jobs.peek();
      long deadline = System.nanoTime() + maxWaitNanos;
      while (!closed && !enough(first)) {
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
      expected = batch.size();
      return batch;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the jobs like {@code first} are as many as expected, or maxBatch texts. */
  private boolean enough(Job first) {
    int requests = 0;
    int texts = 0;
    for (Job j : jobs) {
      if (j.decode().equals(first.decode()) && j.attention() == first.attention()) {
        requests++;
        texts += j.texts().size();
      }
    }
    return requests >= expected || texts >= maxBatch;
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
    List<List<String>> tokens = new ArrayList<>();
    for (Job j : live) {
      texts.addAll(j.texts());
      tokens.addAll(j.tokens());
    }
    beforeDecode.accept(texts);
    Translator t = translators.computeIfAbsent(live.get(0).decode(), newTranslator);
    StepClock clock = new StepClock(() -> live.stream().allMatch(j -> j.result().isDone()));
    List<Translator.Translation> all =
        t.translateTokens(tokens, live.get(0).attention(), false, clock);
    long decoded = System.nanoTime();
    int from = 0;
    for (Job j : live) {
      j.timing().batch(clock.started, clock.encoded(decoded), decoded, clock.steps);
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

  /**
   * The translator's {@code stop} question, asked before every decoding step (after the encoder),
   * timing the first step and counting them.
   */
  private static final class StepClock implements BooleanSupplier {
    private final long started = System.nanoTime();
    private final BooleanSupplier stop;
    private long encoded;
    private int steps;

    StepClock(BooleanSupplier stop) {
      this.stop = stop;
    }

    @Override
    public boolean getAsBoolean() {
      if (steps++ == 0) {
        encoded = System.nanoTime();
      }
      return stop.getAsBoolean();
    }

    /** When the first step began; {@code decoded} when there was none (every text blank). */
    long encoded(long decoded) {
      return steps == 0 ? decoded : encoded;
    }
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
