package dev.seq4j.translate;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Batcher;
import dev.seq4j.data.batch.BatchingOptions;
import dev.seq4j.data.batch.Example;
import dev.seq4j.decode.BeamSearch;
import dev.seq4j.decode.CoveragePenalty;
import dev.seq4j.decode.FinishReason;
import dev.seq4j.decode.Greedy;
import dev.seq4j.decode.Hypothesis;
import dev.seq4j.decode.LengthLimit;
import dev.seq4j.decode.LengthPenalty;
import dev.seq4j.decode.RepetitionControl;
import dev.seq4j.decode.Sampling;
import dev.seq4j.decode.TokenChooser;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text in, text out: tokenizes, batches by length, decodes (greedy, beam search or sampling, as
 * {@code decode.strategy} says), restores the input order and detokenizes. Exactly one output per
 * input; an empty or whitespace-only input gives an empty output, whatever the tokenizer makes of
 * spaces. An input of more than {@code decode.maxInputTokens} source tokens is an error or, with
 * {@code decode.overlong: truncate}, is cut to that many with a warning. Not thread-safe (it owns
 * tokenizers and counts truncations): use one per thread. Several bundles make an ensemble ({@link
 * Ensembles}): the first gives the tokenizers and vocabularies.
 */
public final class Translator {
  private static final Logger LOG = LoggerFactory.getLogger(Translator.class);

  private final TranslationBundle bundle;
  private final Seq2SeqModel model;
  private final DecodeConfig decode;
  private final Tokenizer srcTokenizer;
  private final Tokenizer trgTokenizer;
  private final Greedy greedy;
  private final BeamSearch beam;
  private long truncated;

  /** A translator for {@code bundle} with the decoding settings {@code decode}. */
  public Translator(TranslationBundle bundle, DecodeConfig decode) {
    this(bundle, decode, StepOptions.cached(decode.cache()));
  }

  /**
   * Like {@link #Translator(TranslationBundle, DecodeConfig)}, with the model's step options (the
   * cache and which attention layer and head the translations report) given explicitly.
   *
   * @throws IllegalArgumentException when the model cannot honour {@code options}
   */
  public Translator(TranslationBundle bundle, DecodeConfig decode, StepOptions options) {
    this(List.of(bundle), decode, options);
  }

  /**
   * A translator for the ensemble of {@code bundles} (one bundle: that model alone): at each step
   * the members' log-probabilities are averaged. The first bundle gives the tokenizers and
   * vocabularies.
   *
   * @throws IllegalArgumentException when the members' vocabularies differ (naming both models),
   *     when a model cannot honour {@code options}, or with {@code decode.coveragePenalty} for a
   *     model without attention
   */
  public Translator(List<TranslationBundle> bundles, DecodeConfig decode, StepOptions options) {
    this.bundle = bundles.get(0);
    this.model = Ensembles.model(bundles);
    model.check(options);
    Ensembles.requireAttention(bundles, decode.coveragePenalty() > 0, "decode.coveragePenalty");
    this.decode = decode;
    this.srcTokenizer = bundle.srcTokenizer();
    this.trgTokenizer = bundle.trgTokenizer();
    Vocabulary trg = bundle.trgVocabulary();
    LengthLimit limit =
        new LengthLimit(decode.maxLength(), decode.maxLengthRatio(), decode.maxLengthOffset());
    TokenChooser chooser =
        decode.strategy() == DecodeConfig.Strategy.SAMPLE
            ? new Sampling(decode.temperature(), decode.topK(), decode.topP(), decode.seed())
            : TokenChooser.ARGMAX;
    RepetitionControl repetition =
        new RepetitionControl(decode.noRepeatNgram(), decode.repetitionPenalty());
    this.greedy =
        new Greedy(trg.bosId(), trg.eosId(), limit, chooser)
            .withOptions(options)
            .withRepetition(repetition);
    this.beam =
        decode.strategy() == DecodeConfig.Strategy.BEAM
            ? new BeamSearch(
                    trg.bosId(),
                    trg.eosId(),
                    decode.beamSize(),
                    limit,
                    new LengthPenalty(decode.lengthNormalization(), decode.lengthPenalty()),
                    decode.minLength())
                .withOptions(options)
                .withRepetition(repetition)
                .withCoverage(new CoveragePenalty(decode.coveragePenalty()))
            : null;
  }

  /** Translates {@code sources}; the result has the same size and order. */
  public List<String> translate(List<String> sources) {
    return translate(sources, false, false).stream().map(Translation::text).toList();
  }

  /**
   * Where a list of sources comes from, for the messages about an overlong input: {@code name} (a
   * file, or null) and the line number of the list's first element.
   */
  public record Origin(String name, long firstLine) {
    /** Sources numbered from line 1 of no named file. */
    public static final Origin LINES = new Origin(null, 1);

    String line(int index) {
      return (name == null ? "" : name + ", ") + "line " + (firstLine + index);
    }
  }

  /** An input of more than {@code decode.maxInputTokens} source tokens. */
  public static final class InputTooLong extends IllegalArgumentException {
    private final int index;
    private final int tokens;

    InputTooLong(String where, int index, int tokens, int max) {
      super(
          where
              + ": "
              + tokens
              + " source tokens, over decode.maxInputTokens ("
              + max
              + "); shorten it or set decode.overlong=truncate");
      this.index = index;
      this.tokens = tokens;
    }

    /** The position of the input in the list given to the translator. */
    public int index() {
      return index;
    }

    /** Its length in source tokens. */
    public int tokens() {
      return tokens;
    }
  }

  /**
   * The source tokens of {@code text} as the translator counts them against {@code
   * decode.maxInputTokens}: none for an empty or whitespace-only text.
   */
  public static List<String> sourceTokens(Tokenizer tokenizer, String text) {
    return text.isBlank() ? List.of() : tokenizer.tokenize(text);
  }

  /**
   * The source tokens of each of {@code sources}, none for a blank one, each cut to {@code
   * decode.maxInputTokens} with a warning ({@code decode.overlong: truncate}); what {@link
   * #translateTokens} takes.
   *
   * @throws InputTooLong naming the first input over {@code decode.maxInputTokens} by its place in
   *     {@code origin} ({@code decode.overlong: error})
   */
  public List<List<String>> tokenize(List<String> sources, Origin origin) {
    List<List<String>> tokens = new ArrayList<>(sources.size());
    for (int i = 0; i < sources.size(); i++) {
      tokens.add(bounded(sourceTokens(srcTokenizer, sources.get(i)), i, origin));
    }
    return tokens;
  }

  /** How many inputs this translator has truncated to {@code decode.maxInputTokens} so far. */
  public long truncated() {
    return truncated;
  }

  /**
   * One translation with what produced it.
   *
   * @param sourceTokens the tokenized source
   * @param targetTokens the output tokens (specials stripped)
   * @param attention for each target token the weights over the source tokens, or null
   * @param layers with {@link Attention#LAYERS} and a Transformer (the first model of an ensemble):
   *     every layer and head of its three attentions; else null
   * @param nBest beam search: the {@code decode.nBest} best outputs with their scores, best first
   *     (this translation first); greedy: this translation alone, score NaN
   * @param finish whether the output ended at {@code <eos>} or was cut at its length cap (an empty
   *     input: {@code EOS})
   */
  public record Translation(
      String text,
      List<String> sourceTokens,
      List<String> targetTokens,
      float[][] attention,
      AttentionLayers layers,
      List<Scored> nBest,
      FinishReason finish) {}

  /** An output and its beam-search score (length-penalised log-probability). */
  public record Scored(String text, double score) {}

  /** How much attention a translation keeps. */
  public enum Attention {
    /** None. */
    NONE,
    /** The weights over the source that the decoding steps report ({@link StepOptions}). */
    WEIGHTS,
    /**
     * Those, and for a Transformer every layer and head of each attention ({@link
     * Translation#layers()}).
     */
    LAYERS;

    /** {@code WEIGHTS} when {@code weights}, else {@code NONE}. */
    public static Attention of(boolean weights) {
      return weights ? WEIGHTS : NONE;
    }
  }

  /**
   * Translates {@code sources} keeping tokens and (with {@code withAttention}, for models that
   * attend) the attention weights; with {@code replaceUnk} each {@code <unk>} in the output becomes
   * the source token it attends to most (models without attention leave it as is).
   */
  public List<Translation> translate(
      List<String> sources, boolean withAttention, boolean replaceUnk) {
    return translate(sources, withAttention, replaceUnk, Origin.LINES);
  }

  /**
   * Like {@link #translate(List, boolean, boolean)}, naming an overlong input by its place in
   * {@code origin}.
   *
   * @throws InputTooLong for an input over {@code decode.maxInputTokens} with {@code
   *     decode.overlong: error}, before anything is decoded
   */
  public List<Translation> translate(
      List<String> sources, boolean withAttention, boolean replaceUnk, Origin origin) {
    return translate(sources, withAttention, replaceUnk, origin, () -> false);
  }

  /**
   * Like {@link #translate(List, boolean, boolean, Origin)}, asking {@code stop} before every
   * decoding step, so that a caller that no longer wants the result (a server request that timed
   * out or whose client left) gets its thread back within one step.
   *
   * @throws CancellationException when {@code stop} said so; nothing is returned
   */
  public List<Translation> translate(
      List<String> sources,
      boolean withAttention,
      boolean replaceUnk,
      Origin origin,
      BooleanSupplier stop) {
    return translate(sources, Attention.of(withAttention), replaceUnk, origin, stop);
  }

  /**
   * Like {@link #translate(List, boolean, boolean, Origin, BooleanSupplier)}, keeping {@code
   * attention}.
   */
  public List<Translation> translate(
      List<String> sources,
      Attention attention,
      boolean replaceUnk,
      Origin origin,
      BooleanSupplier stop) {
    return translateTokens(tokenize(sources, origin), attention, replaceUnk, stop);
  }

  /**
   * Like {@link #translate(List, boolean, boolean)}, of sources already tokenized by {@link
   * #tokenize} (an empty list gives an empty output).
   */
  public List<Translation> translateTokens(
      List<List<String>> srcTokens, boolean withAttention, boolean replaceUnk) {
    return translateTokens(srcTokens, Attention.of(withAttention), replaceUnk, () -> false);
  }

  /**
   * Like {@link #translateTokens(List, boolean, boolean)}, keeping {@code attention} and asking
   * {@code stop} before every step; with {@code replaceUnk} each {@code <unk>} becomes a source
   * word ({@link UnknownWords}).
   */
  public List<Translation> translateTokens(
      List<List<String>> srcTokens, Attention attention, boolean replaceUnk, BooleanSupplier stop) {
    Vocabulary src = bundle.srcVocabulary();
    Vocabulary trg = bundle.trgVocabulary();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < srcTokens.size(); i++) {
      if (!srcTokens.get(i).isEmpty()) {
        examples.add(new Example(src.encode(srcTokens.get(i)), null, i));
      }
    }
    Translation empty =
        new Translation("", List.of(), List.of(), null, null, List.of(), FinishReason.EOS);
    List<Translation> out = new ArrayList<>(Collections.nCopies(srcTokens.size(), empty));
    BatchingOptions options =
        new BatchingOptions(decode.batchSize(), decode.batchTokens(), Integer.MAX_VALUE, false, 0);
    Batcher.Plan plan = Batcher.plan(examples, options, src.padId(), trg.bosId(), trg.eosId());
    boolean withAttention = attention != Attention.NONE;
    boolean bpe = bundle.config().data().bpe();
    for (Batch b : plan.batches()) {
      List<List<Hypothesis>> hyps = decode(b, withAttention || replaceUnk, stop);
      List<AttentionLayers> layers = attention == Attention.LAYERS ? layers(b, hyps) : null;
      for (int r = 0; r < b.size(); r++) {
        int index = b.indices()[r];
        List<String> source = srcTokens.get(index);
        List<Scored> nBest = new ArrayList<>();
        List<String> bestTokens = null;
        for (Hypothesis h : hyps.get(r)) {
          List<String> tokens = trg.decode(h.ids(), true);
          if (replaceUnk && h.weights() != null) {
            tokens = UnknownWords.replace(tokens, trg.unk(), source, h.weights(), bpe);
          }
          bestTokens = bestTokens == null ? tokens : bestTokens;
          nBest.add(new Scored(trgTokenizer.detokenize(tokens), h.score()));
        }
        float[][] weights = withAttention ? hyps.get(r).get(0).weights() : null;
        Hypothesis best = hyps.get(r).get(0);
        out.set(
            index,
            new Translation(
                nBest.get(0).text(),
                source,
                bestTokens,
                weights,
                layers == null ? null : layers.get(r),
                List.copyOf(nBest),
                best.finish()));
      }
    }
    return out;
  }

  /** {@code tokens}, or its first {@code decode.maxInputTokens} with a warning, or an error. */
  private List<String> bounded(List<String> tokens, int index, Origin origin) {
    int max = decode.maxInputTokens();
    if (tokens.size() <= max) {
      return tokens;
    }
    if (decode.overlong() == DecodeConfig.Overlong.ERROR) {
      throw new InputTooLong(origin.line(index), index, tokens.size(), max);
    }
    truncated++;
    LOG.warn(
        "{}: {} source tokens, over decode.maxInputTokens; translating the first {}",
        origin.line(index),
        tokens.size(),
        max);
    return List.copyOf(tokens.subList(0, max));
  }

  /** Per row of {@code b}, the outputs of the configured strategy, best first. */
  private List<List<Hypothesis>> decode(Batch b, boolean withWeights, BooleanSupplier stop) {
    if (beam != null) {
      return beam.decode(
          model, bundle.manager(), b.src(), b.srcLengths(), decode.nBest(), withWeights, stop);
    }
    Greedy.Output o =
        greedy.decode(model, bundle.manager(), b.src(), b.srcLengths(), withWeights, stop);
    List<List<Hypothesis>> out = new ArrayList<>();
    for (int r = 0; r < b.size(); r++) {
      float[][] w = o.weights() == null ? null : o.weights()[r];
      out.add(List.of(new Hypothesis(o.ids()[r], Double.NaN, Double.NaN, w, o.finish()[r])));
    }
    return out;
  }

  /**
   * Every attention layer of each row's best output when the (first) model is a Transformer, else
   * null.
   */
  private List<AttentionLayers> layers(Batch b, List<List<Hypothesis>> hyps) {
    if (!(bundle.model() instanceof TransformerSeq2Seq transformer)) {
      return null;
    }
    int[][] best = hyps.stream().map(h -> h.get(0).ids()).toArray(int[][]::new);
    return AttentionLayers.of(
        transformer, bundle.manager(), b.src(), b.srcLengths(), best, bundle.trgVocabulary());
  }
}
