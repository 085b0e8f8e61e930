package dev.seq4j.names;

import dev.seq4j.config.SpecialTokens;
import dev.seq4j.data.NamesCorpus;
import dev.seq4j.tokenize.CharTokenizer;
import dev.seq4j.tokenize.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data of one names run: the {@code <Label>.txt} corpus, its stratified seeded split and the
 * character vocabulary of the training names.
 *
 * @param chars the characters of the training split, specials first
 */
public record NamesData(NamesCorpus corpus, NamesCorpus.Split split, Vocabulary chars) {
  private static final Logger LOG = LoggerFactory.getLogger(NamesData.class);

  /** Reads {@code data.folder}, splits it as {@code data} says and builds the vocabulary. */
  public static NamesData prepare(NamesConfig.Data data) throws IOException {
    NamesCorpus corpus = NamesCorpus.read(Path.of(data.folder()));
    NamesCorpus.Split split = corpus.split(data.trainShare(), data.validShare(), data.splitSeed());
    LOG.info(
        "data: {} labels; {} train, {} validation, {} test names; {} repeated names dropped;"
            + " {} names under several labels",
        corpus.labels().size(),
        split.train().size(),
        split.valid().size(),
        split.test().size(),
        corpus.duplicatesRemoved().values().stream().mapToInt(Integer::intValue).sum(),
        corpus.shared().size());
    return new NamesData(corpus, split, vocabulary(split.train(), data.lowercase()));
  }

  /** The class labels in id order. */
  public List<String> labels() {
    return corpus.labels();
  }

  /** The character vocabulary of {@code names}: specials {@code <MASK> <UNK> <BEGIN> <END>}. */
  public static Vocabulary vocabulary(List<NamesCorpus.Example> names, boolean lowercase) {
    CharTokenizer tokenizer = new CharTokenizer(lowercase);
    List<List<String>> tokenized = new ArrayList<>(names.size());
    names.forEach(n -> tokenized.add(tokenizer.tokenize(n.name())));
    return Vocabulary.fromCounts(
        Vocabulary.count(tokenized), SpecialTokens.characters(), 1, Integer.MAX_VALUE);
  }

  /** The names as character ids with their labels. */
  public static List<NameBatch.Encoded> encode(
      NamesBundle bundle, List<NamesCorpus.Example> names) {
    List<NameBatch.Encoded> out = new ArrayList<>(names.size());
    names.forEach(n -> out.add(new NameBatch.Encoded(bundle.encode(n.name()), n.label())));
    return out;
  }

  /**
   * What {@code data.json} holds: split sizes per label, duplicates removed, names shared between
   * labels.
   */
  public Map<String, Object> describe() {
    List<Map<String, Object>> perLabel = new ArrayList<>();
    for (int c = 0; c < corpus.labels().size(); c++) {
      int label = c;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", corpus.labels().get(c));
      row.put("train", split.train().stream().filter(e -> e.label() == label).count());
      row.put("valid", split.valid().stream().filter(e -> e.label() == label).count());
      row.put("test", split.test().stream().filter(e -> e.label() == label).count());
      row.put("duplicates_removed", corpus.duplicatesRemoved().get(corpus.labels().get(c)));
      perLabel.add(row);
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("train", split.train().size());
    d.put("valid", split.valid().size());
    d.put("test", split.test().size());
    d.put("labels", perLabel);
    d.put("shared_names", corpus.shared().size());
    d.put("shared", corpus.shared());
    return d;
  }
}
