package dev.seq4j.train;

import dev.seq4j.io.AtomicFiles;
import dev.seq4j.io.DiskFull;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named checkpoint directories ({@code best}, {@code last}) that survive a crash at any moment.
 *
 * <p>Saving writes into {@code .tmp-NAME-…}, adds {@code MANIFEST.sha256} (sha256sum format),
 * fsyncs every file and the directory, then swaps: {@code NAME → .old-NAME}, {@code tmp → NAME},
 * delete {@code .old-NAME}. A crash before the swap leaves the old checkpoint; a crash in the
 * middle of it leaves {@code .old-NAME}, which {@link #load} restores. Loading verifies every
 * file's hash; {@link #verify} does so for any checkpoint directory, and every model load calls it
 * through {@link RunDirectory#checkpoint}.
 */
public final class CheckpointStore {
  /** The manifest file name. */
  public static final String MANIFEST = "MANIFEST.sha256";

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  private final Path root;

  /** Writes files into a directory. */
  @FunctionalInterface
  public interface Writer {
    /** Writes the checkpoint's files into {@code dir}. */
    void write(Path dir) throws IOException;
  }

  /** A store under {@code root} (created when needed). */
  public CheckpointStore(Path root) {
    this.root = root;
  }

  /** The directory a checkpoint named {@code name} has once saved. */
  public Path path(String name) {
    return root.resolve(name);
  }

  /** Saves checkpoint {@code name} atomically; on failure the previous one stays intact. */
  public void save(String name, Writer writer) throws IOException {
    Files.createDirectories(root);
    removeStale(name);
    Path tmp = root.resolve(".tmp-" + name + "-" + UUID.randomUUID());
    Files.createDirectory(tmp);
    try {
      writer.write(tmp);
      writeManifest(tmp);
      AtomicFiles.fsyncDirectory(tmp);
      Path target = root.resolve(name);
      Path old = root.resolve(".old-" + name);
      if (Files.exists(target)) {
        deleteTree(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(root);
      deleteTree(old);
    } catch (IOException e) {
      deleteTree(tmp);
      throw DiskFull.naming(root.resolve(name), e, "the previous " + name + "/ stays as it was");
    } catch (RuntimeException e) {
      deleteTree(tmp);
      throw e;
    }
  }

  /** Whether checkpoint {@code name} exists (possibly as an interrupted swap). */
  public boolean exists(String name) {
    return Files.isDirectory(root.resolve(name)) || Files.isDirectory(root.resolve(".old-" + name));
  }

  /**
   * The verified directory of checkpoint {@code name}; restores an interrupted swap first.
   *
   * @throws CheckpointException when it is missing or a file does not match the manifest
   */
  public Path load(String name) {
    Path target = root.resolve(name);
    Path old = root.resolve(".old-" + name);
    try {
      if (!Files.exists(target) && Files.isDirectory(old)) {
        LOG.warn("restoring {} from an interrupted save", target);
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!Files.isDirectory(target)) {
      throw new CheckpointException(target + ": no such checkpoint");
    }
    verify(target);
    return target;
  }

  /** The first of {@code names} that exists and verifies, logging why others were skipped. */
  public Path loadLatestValid(List<String> names) {
    List<String> problems = new ArrayList<>();
    for (String n : names) {
      try {
        return load(n);
      } catch (CheckpointException e) {
        LOG.warn("skipping checkpoint: {}", e.getMessage());
        problems.add(e.getMessage());
      }
    }
    throw new CheckpointException(
        "no valid checkpoint in " + root + ": " + String.join("; ", problems));
  }

  /** Checks every file of {@code dir} against its manifest. */
  public static void verify(Path dir) {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(manifest)) {
      throw new CheckpointException(dir + ": missing " + MANIFEST + " (incomplete checkpoint)");
    }
    try {
      Map<String, String> expected = new TreeMap<>();
      for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        int sep = line.indexOf("  ");
        if (sep != 64) {
          throw new CheckpointException(dir + ": malformed " + MANIFEST + " line '" + line + "'");
        }
        expected.put(line.substring(sep + 2), line.substring(0, sep));
      }
      Map<String, String> actual = hashes(dir);
      for (Map.Entry<String, String> e : expected.entrySet()) {
        String got = actual.get(e.getKey());
        if (got == null) {
          throw new CheckpointException(dir + ": missing file " + e.getKey());
        }
        if (!got.equals(e.getValue())) {
          throw mismatch(dir, e.getKey());
        }
      }
      for (String f : actual.keySet()) {
        if (!expected.containsKey(f)) {
          throw new CheckpointException(dir + ": unexpected file " + f + " (not in manifest)");
        }
      }
    } catch (IOException e) {
      throw new CheckpointException(dir + ": cannot read: " + e.getMessage());
    }
  }

  private static CheckpointException mismatch(Path dir, String file) throws IOException {
    boolean empty = Files.size(dir.resolve(file)) == 0;
    return new CheckpointException(
        dir
            + ": "
            + file
            + (empty ? " is empty (0 bytes; SHA-256 mismatch)" : " is corrupt (SHA-256 mismatch)"));
  }

  private static void writeManifest(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : hashes(dir).entrySet()) {
      sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
    }
    for (Path f : files(dir)) {
      AtomicFiles.fsync(f);
    }
    AtomicFiles.write(dir.resolve(MANIFEST), sb.toString());
  }

  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (Path f : files(dir)) {
      out.put(dir.relativize(f).toString(), sha256(f));
    }
    return out;
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals(MANIFEST))
          .sorted()
          .toList();
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void removeStale(String name) throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      for (Path p :
          s.filter(p -> p.getFileName().toString().startsWith(".tmp-" + name + "-")).toList()) {
        deleteTree(p);
      }
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
