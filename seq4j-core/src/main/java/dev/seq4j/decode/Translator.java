package dev.seq4j.decode;

import ai.djl.ndarray.NDManager;
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
    List<List<String>> tokens = translateTokens(sources);
    List<String> out = new ArrayList<>(tokens.size());
    for (List<String> t : tokens) {
      out.add(trgTokenizer.detokenize(t));
    }
    return out;
  }

  /** Like {@link #translate} but returns target tokens (specials stripped). */
  public List<List<String>> translateTokens(List<String> sources) {
    Vocabulary src = bundle.srcVocabulary();
    Vocabulary trg = bundle.trgVocabulary();
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      int[] ids = src.encode(srcTokenizer.tokenize(sources.get(i)));
      if (ids.length > 0) {
        examples.add(new Example(ids, null, i));
      }
    }
    List<List<String>> out = new ArrayList<>(Collections.nCopies(sources.size(), List.of()));
    BatchingOptions options =
        new BatchingOptions(decode.batchSize(), 0, Integer.MAX_VALUE, false, 0);
    Batcher.Plan plan = Batcher.plan(examples, options, src.padId(), trg.bosId(), trg.eosId());
    NDManager manager = bundle.manager();
    for (Batch b : plan.batches()) {
      int[][] ids = greedy.decode(bundle.model(), manager, b.src(), b.srcLengths());
      for (int r = 0; r < b.size(); r++) {
        out.set(b.indices()[r], trg.decode(ids[r], true));
      }
    }
    return out;
  }
}
