package dev.seq4j.api;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The thread-safety of the API's models: one call at a time on the native resource they hold, and
 * none once it is closed; closing waits for the call in progress.
 */
final class Exclusive implements AutoCloseable {
  private final AutoCloseable resource;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;

  Exclusive(AutoCloseable resource) {
    this.resource = resource;
  }

  /**
   * Runs {@code call} alone on the resource.
   *
   * @throws IllegalStateException when the model is closed
   */
  <R> R call(Supplier<R> call) {
    lock.lock();
    try {
      if (closed) {
        throw new IllegalStateException("the model is closed");
      }
      return call.get();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        resource.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("closing the model failed: " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }
}
