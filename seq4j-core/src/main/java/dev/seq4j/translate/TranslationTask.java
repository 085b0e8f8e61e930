package dev.seq4j.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.config.TrainConfig;
import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Batcher;
import dev.seq4j.data.batch.BatchingOptions;
import dev.seq4j.model.TeacherForcing;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.SampleTranslations;
import dev.seq4j.train.SavedModel;
import dev.seq4j.train.TrainingTask;
import dev.seq4j.train.loss.MaskedCrossEntropy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Training a translator: token-budget or sentence-count batches of the encoded training pairs, the
 * masked cross-entropy of the teacher-forced logits, and the {@link Evaluator}'s figures on the
 * validation pairs.
 */
final class TranslationTask implements TrainingTask<Batch> {
  /** How many validation sentences {@link #samples} shows. */
  static final int SAMPLES = 3;

  private final TranslationBundle bundle;
  private final Dataset data;
  private final TrainConfig cfg;
  private final long seed;
  private final Evaluator evaluator;

  TranslationTask(TranslationBundle bundle, Dataset data) {
    this.bundle = bundle;
    this.data = data;
    this.cfg = bundle.config().train();
    this.seed = bundle.config().seed();
    this.evaluator = new Evaluator(bundle, data.validSources(), data.validReferences());
  }

  @Override
  public SavedModel model() {
    return bundle;
  }

  @Override
  public List<Batch> batches(long shuffleSeed) {
    BatchingOptions options =
        new BatchingOptions(
            cfg.batchSize(),
            cfg.batchTokens(),
            bundle.config().data().maxLength(),
            cfg.shuffle(),
            shuffleSeed);
    Vocabulary trg = bundle.trgVocabulary();
    return Batcher.plan(data.train(), options, trg.padId(), trg.bosId(), trg.eosId()).batches();
  }

  @Override
  public MaskedCrossEntropy.Result loss(Batch batch, NDManager scope, long step) {
    NDArray logits =
        bundle
            .model()
            .logits(
                batch.srcIds(scope),
                batch.srcLengths(),
                batch.trgInIds(scope),
                new TeacherForcing(cfg.teacherForcing(), new Random(seed * 7_919 + step)),
                true);
    return MaskedCrossEntropy.loss(
        logits, batch.trgOutIds(scope), batch.trgMask(scope), cfg.labelSmoothing());
  }

  @Override
  public String describe(Batch batch) {
    return String.format(
        "a batch of %d sentences (%d source and %d target tokens)",
        batch.size(), java.util.Arrays.stream(batch.srcLengths()).sum(), batch.trgTokens());
  }

  @Override
  public Map<String, Double> validate() {
    Evaluator.Result v = evaluator.run();
    Map<String, Double> row = new LinkedHashMap<>();
    row.put("valid_loss", v.loss());
    row.put("valid_acc", v.accuracy());
    row.put("valid_ppl", Math.exp(v.loss()));
    row.put("valid_exact", v.exactMatch());
    row.put("valid_bleu", v.bleu());
    row.put("valid_chrf", v.chrf());
    return row;
  }

  /** The first {@value #SAMPLES} validation pairs and their greedy translations. */
  @Override
  public SampleTranslations samples() {
    int n = Math.min(SAMPLES, data.validSources().size());
    List<String> sources = data.validSources().subList(0, n);
    List<String> references = data.validReferences().subList(0, n);
    DecodeConfig greedy =
        bundle.config().decode().withSearch(1, bundle.config().decode().maxLength(), 1);
    return () -> {
      List<String> outputs = new Translator(bundle, greedy).translate(sources);
      List<SampleTranslations.Sample> samples = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        samples.add(
            new SampleTranslations.Sample(sources.get(i), references.get(i), outputs.get(i)));
      }
      return samples;
    };
  }
}
