package dev.seq4j.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A write that failed because the file system is full (ENOSPC) or the user's quota is used up
 * (EDQUOT). Java reports both as a bare {@code IOException("No space left on device")} that names
 * no file; this one names the path being written and what was kept.
 */
public final class DiskFull extends IOException {
  private static final long serialVersionUID = 1L;

  private DiskFull(String message, IOException cause) {
    super(message, cause);
  }

  /** Whether {@code e}, or an exception it wraps, says that the disk or quota is full. */
  public static boolean is(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof DiskFull
          || m != null
              && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code e} itself, or when it says the disk is full, a {@link DiskFull} naming {@code path} and
   * ending with {@code kept} (what stays as it was).
   */
  public static IOException naming(Path path, IOException e, String kept) {
    String cause = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (!(t instanceof DiskFull) && is(t)) {
        cause = t.getMessage();
      }
    }
    if (cause == null) {
      return e;
    }
    String reason = cause.contains("quota") ? "the disk quota is used up" : "the disk is full";
    return new DiskFull("cannot write " + path + ": " + reason + " (" + cause + "); " + kept, e);
  }
}
