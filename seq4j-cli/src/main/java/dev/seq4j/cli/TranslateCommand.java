package dev.seq4j.cli;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.data.TextLines;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.transformer.TransformerConfig;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seq4j translate}. */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description =
        "Translate one sentence per line (stdin or --input) with a trained model; exactly one output"
            + " line per input line, an empty line for an empty one.",
    footer = {
      "%nExamples:",
      "  echo '12 March 1987' | ./seq4j translate --model runs/quickstart",
      "  ./seq4j translate --model RUN_DIR --input test.de --output test.hyp.en",
      "  ./seq4j translate --model RUN_A --model RUN_B --input test.de   # an ensemble",
      "  ./seq4j translate --model RUN_DIR --set decode.strategy=beam --set decode.beamSize=5 --nbest 3",
      "  ./seq4j translate --model RUN_DIR --attention maps --attention-kind encoder,decoder"
          + " --attention-layer 0 --attention-head 3   # Transformer self-attention"
    })
public final class TranslateCommand implements Callable<Integer> {
  private static final int CHUNK = 2000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      description =
          "run or checkpoint directory; several make an ensemble (log-probabilities averaged at"
              + " each step; same vocabularies)")
  List<Path> models;

  @Option(names = "--input", description = "input file (plain or .gz; default: standard input)")
  Path input;

  @Option(names = "--output", description = "output file (default: standard output)")
  Path output;

  @Option(
      names = "--attention",
      description =
          "write, per input line N, DIR/N.json (tokens and weights; for a Transformer also every"
              + " layer and head of its encoder self-, decoder self- and encoder–decoder"
              + " attention) and DIR/N.png (heatmap); needs a model with attention")
  Path attentionDir;

  @Option(
      names = "--attention-kind",
      split = ",",
      paramLabel = "KIND",
      converter = AttentionFiles.KindConverter.class,
      description =
          "Transformer: the heatmaps --attention draws, one or more of cross (encoder–decoder"
              + " attention, DIR/N.png; the default), encoder (encoder self-attention,"
              + " DIR/N.encoder.png) and decoder (decoder self-attention over <bos> and the output"
              + " so far, DIR/N.decoder.png), e.g. --attention-kind encoder,decoder")
  List<AttentionFiles.Kind> attentionKinds = new ArrayList<>();

  @Option(
      names = "--replace-unk",
      description =
          "replace each <unk> in the output by the source word attended to most (with BPE the"
              + " whole word, its pieces joined)")
  boolean replaceUnk;

  @Option(
      names = "--set",
      paramLabel = "decode.KEY=VALUE",
      description = "override a saved decoding setting, e.g. --set decode.maxLength=50")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--attention-layer",
      paramLabel = "N",
      description =
          "Transformer: the layer, from 0, whose attention each --attention heatmap shows (of"
              + " the encoder for encoder self-attention, else of the decoder; default: the"
              + " last)")
  Integer attentionLayer;

  @Option(
      names = "--attention-head",
      paramLabel = "H",
      description =
          "Transformer: one head's weights, from 0, instead of the mean over heads; N.json has"
              + " every layer and head whatever is drawn")
  Integer attentionHead;

  @Option(
      names = "--nbest",
      paramLabel = "N",
      description =
          "beam search: print the N best outputs of each line as 'LINE<TAB>SCORE<TAB>TEXT'"
              + " (N <= decode.beamSize)")
  Integer nBest;

  @Option(
      names = "--line-buffered",
      description =
          "answer each line as soon as it is read (the default when standard input is a"
              + " terminal); otherwise lines are translated in blocks of 2,000")
  boolean lineBuffered;

  private long lineNumber;

  @Override
  public Integer call() throws Exception {
    LineOutput.refuseOverwritingInput(input, output);
    Engines.start();
    List<String> settings = new ArrayList<>(overrides);
    if (nBest != null) {
      settings.add("decode.nBest=" + nBest);
    }
    try (Models loaded = Models.load(models, settings);
        TextLines lines =
            input == null ? TextLines.of(System.in, "<stdin>") : TextLines.open(input)) {
      TranslationBundle bundle = loaded.first();
      if (nBest != null
          && nBest > 1
          && bundle.config().decode().strategy() != DecodeConfig.Strategy.BEAM) {
        throw new IllegalArgumentException(
            "--nbest needs beam search: add --set decode.strategy=beam");
      }
      for (TranslationBundle b : loaded.all()) {
        if (attentionDir != null && !b.config().model().attends()) { // before any work
          throw new IllegalArgumentException(
              "--attention: " + b.source() + " has no attention (model.attention: none)");
        }
      }
      checkAttentionKinds(bundle);
      DecodeConfig decode = bundle.config().decode();
      Translator translator = new Translator(loaded.all(), decode, stepOptions(decode));
      if (attentionDir != null) {
        Files.createDirectories(attentionDir);
      }
      LineOutput.write(output, w -> translateAll(translator, lines, w));
      if (translator.truncated() > 0) {
        spec.commandLine()
            .getErr()
            .printf(
                "translate: truncated %d of %d lines to their first %d tokens"
                    + " (decode.maxInputTokens)%n",
                translator.truncated(), lineNumber, decode.maxInputTokens());
      }
    }
    return 0;
  }

  /** {@code LINE \t SCORE \t TEXT} per hypothesis; an empty input gives one empty entry. */
  private void writeNBest(Translator.Translation t, Writer out) throws IOException {
    if (t.nBest().isEmpty()) {
      out.write(lineNumber + "\t\t\n");
      return;
    }
    for (Translator.Scored s : t.nBest()) {
      out.write(lineNumber + "\t" + String.format(java.util.Locale.ROOT, "%.4f", s.score()));
      out.write("\t" + s.text() + "\n");
    }
  }

  /** The heatmaps to draw: the encoder–decoder one unless --attention-kind says otherwise. */
  private Set<AttentionFiles.Kind> kinds() {
    return attentionKinds.isEmpty()
        ? EnumSet.of(AttentionFiles.Kind.CROSS)
        : EnumSet.copyOf(attentionKinds);
  }

  /**
   * Before any work: self-attention heatmaps need --attention and a Transformer (the first model of
   * an ensemble: its layers are the ones shown) whose stacks have the chosen layer and head.
   */
  private void checkAttentionKinds(TranslationBundle first) {
    if (attentionKinds.isEmpty()) {
      return;
    }
    if (attentionDir == null) {
      throw new IllegalArgumentException("--attention-kind needs --attention DIR");
    }
    for (AttentionFiles.Kind kind : kinds()) {
      if (kind == AttentionFiles.Kind.CROSS) {
        continue; // the model checks the encoder–decoder view
      }
      if (!(first.config().model() instanceof TransformerConfig t)) {
        throw new IllegalArgumentException(
            "--attention-kind "
                + kind.label()
                + ": only a Transformer (model.type: transformer) has self-attention; "
                + first.source()
                + " is not one");
      }
      int layers = kind == AttentionFiles.Kind.ENCODER ? t.encoderLayers() : t.decoderLayers();
      String what = " for " + kind.label() + " self-attention";
      checkRange("--attention-layer", attentionLayer, layers, what);
      checkRange("--attention-head", attentionHead, t.heads(), what);
    }
  }

  /** {@code value} is null (not given) or in [-1, count - 1]. */
  private static void checkRange(String option, Integer value, int count, String what) {
    if (value != null && (value < -1 || value >= count)) {
      throw new IllegalArgumentException(
          option + " must be in [-1, " + (count - 1) + "]" + what + ", was " + value);
    }
  }

  /**
   * The cache setting and the encoder–decoder layer and head that --attention-layer/-head choose
   * (when that heatmap is drawn).
   */
  private StepOptions stepOptions(DecodeConfig decode) {
    StepOptions options = StepOptions.cached(decode.cache());
    if (attentionLayer == null && attentionHead == null
        || !kinds().contains(AttentionFiles.Kind.CROSS)) {
      return options;
    }
    return options.withAttentionView(
        attentionLayer == null ? -1 : attentionLayer, attentionHead == null ? -1 : attentionHead);
  }

  private AttentionFiles.Choice choice() {
    return new AttentionFiles.Choice(
        kinds(),
        attentionLayer == null ? -1 : attentionLayer,
        attentionHead == null ? -1 : attentionHead);
  }

  /**
   * Translates in chunks, so large inputs stream through bounded memory; each chunk's answers are
   * flushed at once.
   */
  private void translateAll(Translator translator, TextLines lines, Writer out) throws IOException {
    String name = input == null ? "<stdin>" : input.toString();
    LineOutput.inChunks(
        lines,
        LineOutput.chunkSize(lineBuffered, input, CHUNK),
        chunk -> {
          Translator.Origin origin = new Translator.Origin(name, lineNumber + 1);
          Translator.Attention attention =
              attentionDir == null ? Translator.Attention.NONE : Translator.Attention.LAYERS;
          for (Translator.Translation t :
              translator.translate(chunk, attention, replaceUnk, origin, () -> false)) {
            lineNumber++;
            if (attentionDir != null) {
              AttentionFiles.write(attentionDir, lineNumber, t, choice());
            }
            if (nBest == null) {
              out.write(t.text());
              out.write('\n');
            } else {
              writeNBest(t, out);
            }
          }
          out.flush();
        });
  }
}
