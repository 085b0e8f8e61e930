package dev.seq4j.engine;

import java.util.Locale;

/** Recognises a failure that means memory ran out, whichever side of the JNI boundary it hit. */
public final class OutOfMemory {
  private OutOfMemory() {}

  /**
   * Whether {@code e}, or any of its causes, says that memory ran out: the JVM's {@link
   * OutOfMemoryError}, or libtorch's allocator through DJL ("DefaultCPUAllocator: can't allocate
   * memory", "not enough memory", "Cannot allocate memory", CUDA's "out of memory").
   */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (t instanceof OutOfMemoryError
          || m.contains("not enough memory")
          || m.contains("can't allocate")
          || m.contains("cannot allocate memory")
          || m.contains("out of memory")
          || m.contains("failed to allocate")) {
        return true;
      }
    }
    return false;
  }
}
