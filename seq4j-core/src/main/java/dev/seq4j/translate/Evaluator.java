package dev.seq4j.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Batcher;
import dev.seq4j.data.batch.BatchingOptions;
import dev.seq4j.data.batch.Example;
import dev.seq4j.eval.Bleu;
import dev.seq4j.eval.ChrF;
import dev.seq4j.eval.ExactMatch;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.model.StepOptions;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a model on (source, reference) pairs: teacher-forced loss and token accuracy, then greedy
 * translations compared with the references for exact match, BLEU and chrF. By default the
 * references are normalised by the target tokenizer (lowercased when the model is, whitespace as
 * the detokenizer writes it); {@link ReferenceCase#AS_GIVEN} scores them as they are, so a
 * lowercasing model pays for its lost case as {@code seq4j score} would make it pay. An ensemble is
 * scored on its members' mean log-probabilities.
 */
public final class Evaluator {
  private final TranslationBundle bundle;
  private final List<TranslationBundle> members;
  private final List<List<String>> sourceTokens;
  private final List<String> references;
  private final List<Example> examples = new ArrayList<>();

  /** How the references are prepared for scoring (the loss always uses the tokenized ones). */
  public enum ReferenceCase {
    /** Through the model's target tokenizer and detokenizer: lowercased when the model is. */
    MODEL,
    /** As given, case and all. */
    AS_GIVEN
  }

  /** An evaluator that scores against references normalised by the model's tokenizer. */
  public Evaluator(TranslationBundle bundle, List<String> sources, List<String> references) {
    this(bundle, sources, references, Translator.Origin.LINES, ReferenceCase.MODEL);
  }

  /**
   * An evaluator of {@code bundle} on parallel {@code sources} and {@code references}. Each source
   * is tokenized once, and capped at {@code decode.maxInputTokens} for the teacher-forced pass as
   * for the translations.
   *
   * @param origin where the sources come from, for the message about an overlong one
   * @param referenceCase how the references are prepared for scoring
   * @throws Translator.InputTooLong for a source over {@code decode.maxInputTokens} with {@code
   *     decode.overlong: error}
   */
  public Evaluator(
      TranslationBundle bundle,
      List<String> sources,
      List<String> references,
      Translator.Origin origin,
      ReferenceCase referenceCase) {
    this(List.of(bundle), sources, references, origin, referenceCase);
  }

  /**
   * Like {@link #Evaluator(TranslationBundle, List, List, Translator.Origin, ReferenceCase)}, of
   * the ensemble of {@code bundles} (see {@link Translator#Translator(List, DecodeConfig,
   * StepOptions)}): the first gives the tokenizers, vocabularies and decoding settings.
   */
  public Evaluator(
      List<TranslationBundle> bundles,
      List<String> sources,
      List<String> references,
      Translator.Origin origin,
      ReferenceCase referenceCase) {
    TranslationBundle bundle = bundles.get(0);
    if (sources.size() != references.size()) {
      throw new IllegalArgumentException(
          "sources and references differ in count: " + sources.size() + " vs " + references.size());
    }
    this.bundle = bundle;
    this.members = List.copyOf(bundles);
    this.sourceTokens = translator().tokenize(sources, origin);
    Tokenizer srcTok = bundle.srcTokenizer();
    Tokenizer trgTok = bundle.trgTokenizer();
    List<String> normalised = new ArrayList<>(references.size());
    for (int i = 0; i < sources.size(); i++) {
      List<String> t = trgTok.tokenize(references.get(i));
      normalised.add(trgTok.detokenize(t));
      // a blank source is not translated, but its teacher-forced loss counts as it always did
      List<String> s =
          sources.get(i).isBlank() ? srcTok.tokenize(sources.get(i)) : sourceTokens.get(i);
      examples.add(
          new Example(bundle.srcVocabulary().encode(s), bundle.trgVocabulary().encode(t), i));
    }
    this.references = referenceCase == ReferenceCase.AS_GIVEN ? references : normalised;
  }

  private Translator translator() {
    DecodeConfig decode = bundle.config().decode();
    return new Translator(members, decode, StepOptions.cached(decode.cache()));
  }

  /**
   * All figures, and the translations they were computed from.
   *
   * @param decodeSeconds wall time of translating the tokenized sources (batching to detokenizing)
   */
  public record Result(
      double loss,
      double accuracy,
      double exactMatch,
      double bleu,
      double chrf,
      List<String> hypotheses,
      List<String> references,
      double decodeSeconds) {

    /** Perplexity: exp(loss). */
    public double perplexity() {
      return Math.exp(loss);
    }
  }

  /** Computes every figure; NaN everywhere when there are no pairs. */
  public Result run() {
    if (sourceTokens.isEmpty()) {
      return new Result(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), List.of(), 0);
    }
    Vocabulary trg = bundle.trgVocabulary();
    DecodeConfig decode = bundle.config().decode();
    BatchingOptions options =
        new BatchingOptions(decode.batchSize(), decode.batchTokens(), Integer.MAX_VALUE, false, 0);
    Seq2SeqModel model = Ensembles.model(members);
    double lossSum = 0;
    long tokens = 0;
    long correct = 0;
    for (Batch b :
        Batcher.plan(examples, options, trg.padId(), trg.bosId(), trg.eosId()).batches()) {
      try (NDManager scope = bundle.manager().newSubManager()) {
        NDArray logits =
            model.logits(
                b.srcIds(scope), b.srcLengths(), b.trgInIds(scope), TeacherForcing.ALWAYS, false);
        MaskedCrossEntropy.Result r =
            MaskedCrossEntropy.loss(logits, b.trgOutIds(scope), b.trgMask(scope), 0);
        lossSum += r.sum().getFloat();
        tokens += r.tokens();
        correct += r.correct();
      }
    }
    long started = System.nanoTime();
    List<String> hyps =
        translator().translateTokens(sourceTokens, false, false).stream()
            .map(Translator.Translation::text)
            .toList();
    double decodeSeconds = (System.nanoTime() - started) / 1e9;
    return new Result(
        tokens == 0 ? Double.NaN : lossSum / tokens,
        tokens == 0 ? Double.NaN : correct / (double) tokens,
        ExactMatch.of(hyps, references),
        Bleu.corpus(hyps, references).score(),
        ChrF.corpus(hyps, references),
        hyps,
        references,
        decodeSeconds);
  }
}
