package dev.seq4j.train;

import dev.seq4j.model.Parameters;
import java.io.IOException;
import java.nio.file.Path;

/** A model that a checkpoint holds: it writes its own files and exposes its parameters. */
public interface SavedModel {

  /** Writes everything needed to load the model again into {@code dir}. */
  void save(Path dir) throws IOException;

  /** The trainable parameters (restored from {@link RunDirectory#WEIGHTS} on resume). */
  Parameters parameters();
}
