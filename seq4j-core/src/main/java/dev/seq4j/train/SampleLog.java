package dev.seq4j.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code samples.txt}: at each sampling point a header ({@code step 2000 (epoch 1.43)}) and, per
 * sample, its source, reference and the model's output; the same block is logged at INFO, so it
 * reaches the console and {@code train.log}.
 */
public final class SampleLog {
  /** The file name in the run directory. */
  public static final String FILE = "samples.txt";

  private static final Logger LOG = LoggerFactory.getLogger(SampleLog.class);
  private final Path file;
  private final SampleTranslations samples;

  /** A log appending what {@code samples} gives to {@code file}. */
  public SampleLog(Path file, SampleTranslations samples) {
    this.file = file;
    this.samples = samples;
  }

  /**
   * Decodes the samples now and writes them under a header naming {@code step} and {@code epoch}.
   */
  public void write(long step, double epoch, String why) throws IOException {
    List<SampleTranslations.Sample> list = samples.translate();
    if (list.isEmpty()) {
      return;
    }
    StringBuilder block =
        new StringBuilder(
            String.format(java.util.Locale.ROOT, "step %d (epoch %.2f, %s)%n", step, epoch, why));
    for (SampleTranslations.Sample s : list) {
      block.append("  source:    ").append(s.source()).append('\n');
      block.append("  reference: ").append(s.reference()).append('\n');
      block.append("  output:    ").append(s.output()).append('\n');
    }
    LOG.info("samples at {}", block.toString().stripTrailing());
    try (Writer w =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(block.append('\n').toString());
    }
  }
}
