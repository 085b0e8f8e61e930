package dev.seq4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.io.AtomicFiles;
import dev.seq4j.plot.HeatmapPlot;
import dev.seq4j.translate.AttentionLayers;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Writes one sentence's attention: {@code N.json} (tokens, the step weights and, for a Transformer,
 * every layer and head of its three attentions) and one heatmap per chosen {@link Kind}.
 */
final class AttentionFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An attention a heatmap can show, and the file it goes to. */
  enum Kind {
    /** Encoder–decoder attention: output tokens over the source ({@code N.png}). */
    CROSS(""),
    /** Encoder self-attention: source over source ({@code N.encoder.png}). */
    ENCODER(".encoder"),
    /** Decoder self-attention: decoder inputs over earlier ones ({@code N.decoder.png}). */
    DECODER(".decoder");

    private final String suffix;

    Kind(String suffix) {
      this.suffix = suffix;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads {@code cross}, {@code encoder} or {@code decoder}. */
  static final class KindConverter implements CommandLine.ITypeConverter<Kind> {
    @Override
    public Kind convert(String value) {
      for (Kind k : Kind.values()) {
        if (k.label().equals(value)) {
          return k;
        }
      }
      throw new CommandLine.TypeConversionException(
          "'" + value + "' is not an attention kind (cross, encoder or decoder)");
    }
  }

  /**
   * What the heatmaps show: {@code kinds}, each at {@code layer} of its stack (-1: the last) and
   * {@code head} (-1: the mean over heads). The encoder–decoder heatmap draws the step weights,
   * whose layer and head the translator's options chose.
   */
  record Choice(Set<Kind> kinds, int layer, int head) {}

  private AttentionFiles() {}

  static void write(Path dir, long line, Translator.Translation t, Choice choice)
      throws IOException {
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
    AttentionLayers layers = t.layers();
    if (layers != null) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("decoder_input", layers.decoderInput());
      all.put("encoder_self", layers.encoderSelf());
      all.put("decoder_self", layers.decoderSelf());
      all.put("cross", layers.cross());
      doc.put("layers", all);
    }
    AtomicFiles.write(
        dir.resolve(name + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    for (Kind kind : choice.kinds()) {
      Path png = dir.resolve(name + kind.suffix + ".png");
      switch (kind) {
        case CROSS -> HeatmapPlot.writePng(png, t.sourceTokens(), t.targetTokens(), t.attention());
        case ENCODER -> {
          float[][][][] maps = selfAttention(layers, kind).encoderSelf();
          List<String> caption = caption("encoder self-attention", maps, choice);
          HeatmapPlot.writePng(
              png, t.sourceTokens(), t.sourceTokens(), view(maps, choice), caption);
        }
        case DECODER -> {
          float[][][][] maps = selfAttention(layers, kind).decoderSelf();
          List<String> caption = caption("decoder self-attention", maps, choice);
          List<String> input = layers.decoderInput();
          HeatmapPlot.writePng(png, input, input, view(maps, choice), caption);
        }
      }
    }
  }

  private static AttentionLayers selfAttention(AttentionLayers layers, Kind kind) {
    if (layers == null) {
      throw new IllegalArgumentException(
          "--attention-kind "
              + kind.label()
              + ": only a Transformer (model.type: transformer) has self-attention");
    }
    return layers;
  }

  /** The chosen layer's chosen head, or its mean over heads: {@code [row][column]}. */
  static float[][] view(float[][][][] maps, Choice choice) {
    float[][][] layer = maps[choice.layer() < 0 ? maps.length - 1 : choice.layer()];
    return choice.head() < 0 ? AttentionLayers.meanOfHeads(layer) : layer[choice.head()];
  }

  /**
   * E.g. "encoder self-attention", "layer 5 (of 0–5), mean of heads 0–7", numbered as {@code
   * --attention-layer} and {@code --attention-head} number them.
   */
  private static List<String> caption(String what, float[][][][] maps, Choice choice) {
    int layer = choice.layer() < 0 ? maps.length - 1 : choice.layer();
    int heads = maps[layer].length;
    String head =
        choice.head() < 0
            ? "mean of heads 0–" + (heads - 1)
            : "head " + choice.head() + " (of 0–" + (heads - 1) + ")";
    return List.of(what, "layer " + layer + " (of 0–" + (maps.length - 1) + "), " + head);
  }
}
