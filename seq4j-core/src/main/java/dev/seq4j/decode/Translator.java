package dev.seq4j.decode;

import dev.seq4j.config.DecodeConfig;
import dev.seq4j.data.batch.Batch;
import dev.seq4j.data.batch.Batcher;
import dev.seq4j.data.batch.BatchingOptions;
import dev.seq4j.data.batch.Example;
import dev.seq4j.model.ModelBundle;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Text in, text out: tokenizes, batches by length, decodes greedily, restores the input order and
 * detokenizes. Exactly one output per input; an empty (or all-space) input gives an empty output.
 * Not thread-safe (it owns tokenizers): use one per thread.
 */
public final class Translator {
  private final ModelBundle bundle;
  private final DecodeConfig decode;
  private final Tokenizer srcTokenizer;
  private final Tokenizer trgTokenizer;
  private final Greedy greedy;

  /** A translator for {@code bundle} with the decoding settings {@code decode}. */
  public Translator(ModelBundle bundle, DecodeConfig decode) {
    this.bundle = bundle;
    this.decode = decode;
    this.srcTokenizer = bundle.srcTokenizer();
    this.trgTokenizer = bundle.trgTokenizer();
    Vocabulary trg = bundle.trgVocabulary();
    LengthLimit limit =
        new LengthLimit(decode.maxLength(), decode.maxLengthRatio(), decode.maxLengthOffset());
    this.greedy = new Greedy(trg.bosId(), trg.eosId(), limit);
  }

  /** Translates {@code sources}; the result has the same size and order. */
  public List<String> translate(List<String> sources) {
    return translate(sources, false, false).stream().map(Translation::text).toList();
  }

  /**
   * One translation with what produced it.
   *
   * @param sourceTokens the tokenized source
   * @param targetTokens the output tokens (specials stripped)
   * @param attention for each target token the weights over the source tokens, or null
   */
  public record Translation(
      String text, List<String> sourceTokens, List<String> targetTokens, float[][] attention) {}

  /**
   * Translates {@code sources} keeping tokens and (with {@code withAttention}, for models that
   * attend) the attention weights; with {@code replaceUnk} each {@code <unk>} in the output becomes
   * the source token it attends to most (models without attention leave it as is).
   */
  public List<Translation> translate(
      List<String> sources, boolean withAttention, boolean replaceUnk) {
    Vocabulary src = bundle.srcVocabulary();
    Vocabulary trg = bundle.trgVocabulary();
    List<List<String>> srcTokens = new ArrayList<>(sources.size());
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      List<String> tokens = srcTokenizer.tokenize(sources.get(i));
      srcTokens.add(tokens);
      if (!tokens.isEmpty()) {
        examples.add(new Example(src.encode(tokens), null, i));
      }
    }
    List<Translation> out =
        new ArrayList<>(
            Collections.nCopies(sources.size(), new Translation("", List.of(), List.of(), null)));
    BatchingOptions options =
        new BatchingOptions(decode.batchSize(), 0, Integer.MAX_VALUE, false, 0);
    Batcher.Plan plan = Batcher.plan(examples, options, src.padId(), trg.bosId(), trg.eosId());
    boolean needWeights = withAttention || replaceUnk;
    for (Batch b : plan.batches()) {
      Greedy.Output o =
          greedy.decode(bundle.model(), bundle.manager(), b.src(), b.srcLengths(), needWeights);
      for (int r = 0; r < b.size(); r++) {
        int index = b.indices()[r];
        List<String> source = srcTokens.get(index);
        float[][] weights = o.weights() == null ? null : o.weights()[r];
        List<String> tokens = trg.decode(o.ids()[r], true);
        if (replaceUnk && weights != null) {
          tokens = replaceUnk(tokens, trg.unk(), source, weights);
        }
        out.set(
            index,
            new Translation(
                trgTokenizer.detokenize(tokens), source, tokens, withAttention ? weights : null));
      }
    }
    return out;
  }

  /**
   * Each {@code unk} among {@code tokens} becomes the source token with the largest attention
   * weight at that output position.
   */
  public static List<String> replaceUnk(
      List<String> tokens, String unk, List<String> source, float[][] weights) {
    List<String> out = new ArrayList<>(tokens);
    for (int t = 0; t < out.size(); t++) {
      if (out.get(t).equals(unk)) {
        out.set(t, source.get(argMax(weights[t])));
      }
    }
    return out;
  }

  static int argMax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
