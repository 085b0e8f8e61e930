package dev.seq4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.io.AtomicFiles;
import dev.seq4j.plot.HeatmapPlot;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes one sentence's attention as {@code N.json} and {@code N.png}. */
final class AttentionFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AttentionFiles() {}

  static void write(Path dir, long line, Translator.Translation t) throws IOException {
    if (t.attention() == null) {
      if (t.sourceTokens().isEmpty()) {
        return;
      }
      throw new IllegalArgumentException(
          "--attention: this model has no attention (model.attention: none)");
    }
    String name = String.format(Locale.ROOT, "%06d", line);
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("line", line);
    doc.put("source", t.sourceTokens());
    doc.put("target", t.targetTokens());
    doc.put("translation", t.text());
    doc.put("weights", t.attention());
    AtomicFiles.write(
        dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    HeatmapPlot.writePng(
        dir.resolve(name + ".png"), t.sourceTokens(), t.targetTokens(), t.attention());
  }
}
