package dev.seq4j.api;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.decode.FinishReason;
import dev.seq4j.engine.Engines;
import dev.seq4j.translate.Evaluator;
import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A trained translation model loaded from a run or checkpoint directory: translates lists and
 * streams of sentences and scores itself on parallel data. It holds native memory: close it.
 *
 * <p><b>Thread-safety:</b> an instance is safe to share between threads. Calls are serialized by an
 * internal lock: one call decodes at a time (libtorch already spreads each call over the cores),
 * others wait, and every caller gets exactly the output it would get alone. For more throughput
 * than one model gives, load one instance per thread. {@link #close} waits for the running call; a
 * call after it throws {@link IllegalStateException}.
 *
 * <pre>{@code
 * try (TranslationModel model = TranslationModel.load(Path.of("runs/quickstart"))) {
 *   List<Translation> out = model.translate(List.of("a b c"), DecodeOptions.builder().beam(4).build());
 * }
 * }</pre>
 */
public final class TranslationModel implements AutoCloseable {
  /** Sentences translated per call of the decoder when translating a stream. */
  static final int CHUNK = 256;

  private final TranslationBundle bundle;
  private final Exclusive guard;

  private TranslationModel(TranslationBundle bundle) {
    this.bundle = bundle;
    this.guard = new Exclusive(bundle);
  }

  /**
   * Loads the model of a checkpoint directory, or of a run directory (its {@code checkpoints/best},
   * else {@code checkpoints/last}).
   *
   * @throws IOException when a file cannot be read
   * @throws RuntimeException when the directory holds no translation model (e.g. a names model) or
   *     an invalid one, naming the directory or file
   */
  public static TranslationModel load(Path dir) throws IOException {
    Engines.start();
    return new TranslationModel(TranslationBundle.load(dir));
  }

  /** The decoding options the model was trained with (sampling is reported as greedy). */
  public DecodeOptions defaultOptions() {
    DecodeConfig d = bundle.config().decode();
    boolean beam = d.strategy() == DecodeConfig.Strategy.BEAM;
    return new DecodeOptions(
        beam ? DecodeOptions.Strategy.BEAM : DecodeOptions.Strategy.GREEDY,
        d.beamSize(),
        beam ? d.nBest() : 1,
        d.maxLength(),
        d.lengthPenalty(),
        false);
  }

  /** Whether the model attends over the source, so it can report attention matrices. */
  public boolean hasAttention() {
    return bundle.config().model().attends();
  }

  /** Translates one sentence with {@link #defaultOptions}. */
  public Translation translate(String source) {
    return translate(List.of(source), defaultOptions()).get(0);
  }

  /** Translates {@code sources} with {@link #defaultOptions}; same size and order. */
  public List<Translation> translate(List<String> sources) {
    return translate(sources, defaultOptions());
  }

  /**
   * Translates {@code sources}; the result has the same size and order, and a blank input gives an
   * empty translation ({@link Translation.FinishReason#EMPTY_INPUT}).
   *
   * @throws IllegalArgumentException when {@code options} ask for attention and the model has none,
   *     or an input has more source tokens than the model's {@code decode.maxInputTokens} (the
   *     message names its line, counted from 1)
   */
  public List<Translation> translate(List<String> sources, DecodeOptions options) {
    Objects.requireNonNull(options, "options");
    List<String> inputs = List.copyOf(sources);
    if (options.attention() && !hasAttention()) {
      throw new IllegalArgumentException(
          "attention: this model has no attention (model.attention: none)");
    }
    DecodeConfig decode = decodeConfig(options);
    List<Translator.Translation> raw =
        guard.call(
            () -> new Translator(bundle, decode).translate(inputs, options.attention(), false));
    List<Translation> out = new ArrayList<>(raw.size());
    for (Translator.Translation t : raw) {
      out.add(convert(t));
    }
    return out;
  }

  /**
   * Translates a stream lazily, {@value #CHUNK} sentences per decoder call, in order; the stream is
   * sequential and holds the model: consume it before closing the model.
   */
  public Stream<Translation> translate(Stream<String> sources, DecodeOptions options) {
    Iterator<Translation> it = translate(sources.iterator(), options);
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(sources::close);
  }

  /** Like {@link #translate(Stream, DecodeOptions)}, over an iterator. */
  public Iterator<Translation> translate(Iterator<String> sources, DecodeOptions options) {
    Objects.requireNonNull(options, "options");
    return new Iterator<>() {
      private Iterator<Translation> chunk = List.<Translation>of().iterator();

      @Override
      public boolean hasNext() {
        if (!chunk.hasNext() && sources.hasNext()) {
          List<String> next = new ArrayList<>(CHUNK);
          while (next.size() < CHUNK && sources.hasNext()) {
            next.add(sources.next());
          }
          chunk = translate(next, options).iterator();
        }
        return chunk.hasNext();
      }

      @Override
      public Translation next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunk.next();
      }
    };
  }

  /**
   * Translates {@code sources} greedily with the model's saved settings and scores the output
   * against {@code references} (corpus BLEU and chrF as sacreBLEU computes them, exact match) and
   * the references' teacher-forced token accuracy and perplexity.
   *
   * @throws IllegalArgumentException when the lists differ in size
   */
  public Evaluation evaluate(List<String> sources, List<String> references) {
    Evaluator.Result r = guard.call(() -> new Evaluator(bundle, sources, references).run());
    return new Evaluation(
        sources.size(),
        r.bleu(),
        r.chrf(),
        r.exactMatch(),
        r.accuracy(),
        r.perplexity(),
        r.hypotheses());
  }

  /** Frees the model's native memory, after the call in progress (if any) has finished. */
  @Override
  public void close() {
    guard.close();
  }

  /** The saved decoding settings with the search that {@code o} asks for. */
  private DecodeConfig decodeConfig(DecodeOptions o) {
    DecodeConfig d = bundle.config().decode();
    boolean beam = o.strategy() == DecodeOptions.Strategy.BEAM;
    return new DecodeConfig(
        beam ? DecodeConfig.Strategy.BEAM : DecodeConfig.Strategy.GREEDY,
        o.beamSize(),
        o.maxLength(),
        d.maxLengthRatio(),
        d.maxLengthOffset(),
        o.lengthPenalty(),
        d.lengthNormalization(),
        Math.min(d.minLength(), o.maxLength()),
        o.nBest(),
        d.batchSize(),
        d.temperature(),
        d.topK(),
        d.topP(),
        d.seed(),
        d.cache(),
        d.maxInputTokens(),
        d.overlong(),
        d.noRepeatNgram(),
        d.repetitionPenalty(),
        d.coveragePenalty(),
        d.batchTokens());
  }

  private static Translation convert(Translator.Translation t) {
    if (t.nBest().isEmpty()) {
      return new Translation(
          "",
          Double.NaN,
          List.of(),
          Translation.FinishReason.EMPTY_INPUT,
          List.of(),
          List.of(),
          null);
    }
    List<Translation.Candidate> candidates =
        t.nBest().stream().map(s -> new Translation.Candidate(s.text(), s.score())).toList();
    Translation.FinishReason reason =
        t.finish() == FinishReason.LENGTH
            ? Translation.FinishReason.MAX_LENGTH
            : Translation.FinishReason.END_OF_SENTENCE;
    return new Translation(
        t.text(),
        candidates.get(0).score(),
        candidates,
        reason,
        t.sourceTokens(),
        t.targetTokens(),
        t.attention());
  }
}
