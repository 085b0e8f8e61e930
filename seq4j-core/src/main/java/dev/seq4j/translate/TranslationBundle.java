package dev.seq4j.translate;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.seq4j.config.DataConfig;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.Seq2SeqModel;
import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Tokenizers;
import dev.seq4j.tokenize.Vocabulary;
import dev.seq4j.train.RunDirectory;
import dev.seq4j.train.SavedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a trained model needs at inference: the resolved configuration (which holds the
 * tokenizer settings), both vocabularies, the BPE merges when subwords are used, and the
 * parameters. Saved as {@code config.yaml}, {@code src.vocab}, {@code trg.vocab}, {@code src.bpe}
 * and {@code trg.bpe} (with BPE) and {@code model.safetensors} in one directory.
 */
public final class TranslationBundle implements SavedModel, AutoCloseable {
  private final TranslationConfig config;
  private final Vocabulary srcVocabulary;
  private final Vocabulary trgVocabulary;
  private final Bpe srcBpe;
  private final Bpe trgBpe;
  private final NDManager manager;
  private final Seq2SeqModel model;
  private Path source;

  private TranslationBundle(
      TranslationConfig config, Vocabulary src, Vocabulary trg, Bpe srcBpe, Bpe trgBpe) {
    if (config.data().bpe() != (srcBpe != null && trgBpe != null)) {
      throw new IllegalArgumentException(
          "data.bpeMerges is "
              + config.data().bpeMerges()
              + " and data.bpeVocabulary "
              + config.data().bpeVocabulary()
              + " but BPE merges are "
              + (srcBpe == null ? "missing" : "present"));
    }
    this.config = config;
    this.srcVocabulary = src;
    this.trgVocabulary = trg;
    this.srcBpe = srcBpe;
    this.trgBpe = trgBpe;
    this.manager = Engines.start().newBaseManager();
    Engine.getInstance().setRandomSeed((int) config.seed());
    this.model = config.model().build(manager, src.size(), trg.size());
  }

  /** A model with freshly initialised parameters (seeded by {@code config.seed}). */
  public static TranslationBundle create(TranslationConfig config, Vocabulary src, Vocabulary trg) {
    return new TranslationBundle(config, src, trg, null, null);
  }

  /** Like {@link #create(TranslationConfig, Vocabulary, Vocabulary)}, with BPE merges (or null). */
  public static TranslationBundle create(
      TranslationConfig config, Vocabulary src, Vocabulary trg, Bpe srcBpe, Bpe trgBpe) {
    return new TranslationBundle(config, src, trg, srcBpe, trgBpe);
  }

  /**
   * Loads a bundle from a checkpoint directory, or from a run directory (its {@code
   * checkpoints/best}, else {@code checkpoints/last}).
   */
  public static TranslationBundle load(Path dir) throws IOException {
    return load(dir, List.of());
  }

  /**
   * Like {@link #load(Path)}, with {@code decode.KEY=VALUE} overrides of the saved decoding
   * settings (nothing else can change once a model is trained).
   */
  public static TranslationBundle load(Path dir, List<String> decodeOverrides) throws IOException {
    for (String o : decodeOverrides) {
      if (!o.startsWith("decode.")) {
        throw new IllegalArgumentException(
            "--set " + o + ": only decode.* settings can change after training");
      }
    }
    Path d = RunDirectory.checkpoint(dir);
    TranslationConfig config =
        TranslationConfig.load(d.resolve(RunDirectory.CONFIG), decodeOverrides);
    Vocabulary src = Vocabulary.load(d.resolve("src.vocab"));
    Vocabulary trg = Vocabulary.load(d.resolve("trg.vocab"));
    Bpe srcBpe = config.data().bpe() ? Bpe.load(d.resolve("src.bpe")) : null;
    Bpe trgBpe = config.data().bpe() ? Bpe.load(d.resolve("trg.bpe")) : null;
    TranslationBundle bundle =
        RunDirectory.loadWeights(new TranslationBundle(config, src, trg, srcBpe, trgBpe), d);
    bundle.source = dir;
    return bundle;
  }

  /** The directory this bundle was loaded from, as given, for messages; "a new model" if none. */
  public String source() {
    return source == null ? "a new model" : source.toString();
  }

  /** Writes the bundle's files into {@code dir}. */
  @Override
  public void save(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(RunDirectory.CONFIG), config.toYaml());
    srcVocabulary.save(dir.resolve("src.vocab"));
    trgVocabulary.save(dir.resolve("trg.vocab"));
    if (srcBpe != null) {
      srcBpe.save(dir.resolve("src.bpe"));
      trgBpe.save(dir.resolve("trg.bpe"));
    }
    RunDirectory.saveWeights(model.parameters(), dir);
  }

  /** A new source tokenizer (tokenizers are not shared between threads). */
  public Tokenizer srcTokenizer() {
    return tokenizer(config.data().srcTokenizer(), srcBpe);
  }

  /** A new target tokenizer. */
  public Tokenizer trgTokenizer() {
    return tokenizer(config.data().trgTokenizer(), trgBpe);
  }

  private Tokenizer tokenizer(DataConfig.TokenizerKind kind, Bpe bpe) {
    Tokenizer base = Tokenizers.create(kind, config.data().lowercase());
    return bpe == null ? base : new BpeTokenizer(base, bpe);
  }

  /** The resolved configuration. */
  public TranslationConfig config() {
    return config;
  }

  /** The source vocabulary. */
  public Vocabulary srcVocabulary() {
    return srcVocabulary;
  }

  /** The target vocabulary. */
  public Vocabulary trgVocabulary() {
    return trgVocabulary;
  }

  /** The model. */
  public Seq2SeqModel model() {
    return model;
  }

  @Override
  public Parameters parameters() {
    return model.parameters();
  }

  /** The manager owning the parameters. */
  public NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }
}
