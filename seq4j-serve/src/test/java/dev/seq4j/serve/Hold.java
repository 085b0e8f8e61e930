package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@code beforeDecode} hook that holds the batching thread on the batch holding {@code text}
 * until released, so that the requests sent meanwhile are still queued (a lone request no longer
 * waits for company, so tests cannot rely on the batching delay for that).
 */
final class Hold implements Consumer<List<String>> {
  private final String text;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  Hold(String text) {
    this.text = text;
  }

  @Override
  public void accept(List<String> texts) {
    if (!texts.contains(text)) {
      return;
    }
    held.countDown();
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the batching thread is held. */
  void awaitHeld() throws InterruptedException {
    assertTrue(held.await(10, TimeUnit.SECONDS), "the batching thread never decoded " + text);
  }

  /** Lets the batching thread go on. */
  void release() {
    released.countDown();
  }
}
