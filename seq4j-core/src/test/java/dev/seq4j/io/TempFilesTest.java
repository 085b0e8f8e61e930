package dev.seq4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
  @Test
  void siblingsLiveBesideTheTargetWithTheUsualPermissions(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("out.txt");
    Path a = TempFiles.sibling(target);
    Path b = TempFiles.sibling(target);
    assertEquals(dir, a.getParent());
    assertNotEquals(a, b);
    assertTrue(a.getFileName().toString().matches("\\.out\\.txt-[0-9a-z]+\\.tmp"), a.toString());
    Path plain = Files.createFile(dir.resolve("plain"));
    assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(a));
  }
}
