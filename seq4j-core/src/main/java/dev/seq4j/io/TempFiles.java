package dev.seq4j.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files for write-then-rename: created beside their target (same file system, so the
 * rename is atomic) with the permissions the user's umask gives a new file. ({@code
 * Files.createTempFile} makes them readable by the owner only, and the renamed output would keep
 * that.)
 */
public final class TempFiles {
  private TempFiles() {}

  /** A new empty file {@code .NAME-RANDOM.tmp} in the directory of {@code target}. */
  public static Path sibling(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    for (int attempt = 0; ; attempt++) {
      long r = ThreadLocalRandom.current().nextLong() >>> 1;
      Path tmp = dir.resolve("." + target.getFileName() + "-" + Long.toString(r, 36) + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        if (attempt > 100) {
          throw e;
        }
      }
    }
  }
}
