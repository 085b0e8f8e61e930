package dev.seq4j.train;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Child process for {@link CheckpointStoreTest}: saves a checkpoint very slowly, to be killed. */
public final class SlowCheckpointWriter {
  private SlowCheckpointWriter() {}

  /** args: checkpoints dir, marker file created once writing has started. */
  public static void main(String[] args) throws Exception {
    CheckpointStore store = new CheckpointStore(Path.of(args[0]));
    store.save(
        "last",
        dir -> {
          try (OutputStream out = Files.newOutputStream(dir.resolve("model.safetensors"))) {
            out.write("new content, half written".getBytes());
            out.flush();
            Files.createFile(Path.of(args[1]));
            for (int i = 0; i < 600; i++) {
              out.write(new byte[1024]);
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException();
              }
            }
          }
        });
  }
}
