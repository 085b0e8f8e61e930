package dev.seq4j.train;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * {@code steps.jsonl}: one JSON object per logged step, appended and flushed at once so a crash
 * keeps every line written:
 *
 * <pre>
 * {"step":100,"epoch":0.42,"loss":3.21,"learning_rate":0.001,"grad_norm":1.73,"clipped":true,
 *  "tokens_per_s":2650.0,"elapsed_s":61.2}
 * </pre>
 *
 * {@code grad_norm} is the global gradient norm before clipping, the very value clipping used;
 * {@code tokens_per_s} counts the target tokens since the previous line over the training time
 * since then; a non-finite loss or norm is written as {@code null}.
 */
public final class StepLog {
  /** The file name in the run directory. */
  public static final String FILE = "steps.jsonl";

  private final Path file;

  /** A log appending to {@code file} (a resumed run continues the same file). */
  public StepLog(Path file) {
    this.file = file;
  }

  /** One logged step. */
  public record Line(
      long step,
      double epoch,
      double loss,
      double learningRate,
      double gradNorm,
      boolean clipped,
      double tokensPerSecond,
      double elapsedSeconds) {

    /** The line as one JSON object. */
    public String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"step\":%d,\"epoch\":%s,\"loss\":%s,\"learning_rate\":%s,\"grad_norm\":%s,"
              + "\"clipped\":%b,\"tokens_per_s\":%s,\"elapsed_s\":%s}",
          step,
          number(epoch),
          number(loss),
          number(learningRate),
          number(gradNorm),
          clipped,
          number(tokensPerSecond),
          number(elapsedSeconds));
    }

    private static String number(double v) {
      return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null";
    }
  }

  /** Appends {@code line}. */
  public void append(Line line) throws IOException {
    try (Writer w =
        Files.newBufferedWriter(
            file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      w.write(line.toJson() + "\n");
    }
  }
}
