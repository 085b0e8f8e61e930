package dev.seq4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesTheWholeFile() throws IOException {
    Path target = dir.resolve("metrics.json");
    AtomicFiles.write(target, "old");
    AtomicFiles.write(target, "new");
    assertEquals("new", Files.readString(target));
    assertEquals(List.of("metrics.json"), files());
  }

  @Test
  void aFullDiskNamesTheFileKeepsItAndRemovesTheTemporaryFile() throws IOException {
    Path target = dir.resolve("metrics.json");
    AtomicFiles.write(target, "old");
    DiskFull e =
        assertThrows(
            DiskFull.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      out.write(new byte[4096]);
                      throw new IOException("No space left on device");
                    }));
    assertEquals(
        "cannot write "
            + target
            + ": the disk is full (No space left on device); metrics.json stays as it was",
        e.getMessage());
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("metrics.json"), files());
  }

  @Test
  void aUsedUpQuotaIsNamedAsSuch() {
    IOException e =
        DiskFull.naming(
            dir.resolve("f"), new IOException("Disk quota exceeded"), "f stays as it was");
    assertTrue(DiskFull.is(e));
    assertEquals(
        "cannot write "
            + dir.resolve("f")
            + ": the disk quota is used up (Disk quota exceeded); f stays as it was",
        e.getMessage());
  }

  @Test
  void otherErrorsPassUnchanged() throws IOException {
    Path target = dir.resolve("f");
    IOException denied = new IOException("Permission denied");
    assertSame(
        denied,
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    target,
                    out -> {
                      throw denied;
                    })));
    assertFalse(DiskFull.is(denied));
    assertEquals(List.of(), files());
  }
}
