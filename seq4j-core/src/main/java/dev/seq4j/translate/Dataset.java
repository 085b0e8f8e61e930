package dev.seq4j.translate;

import dev.seq4j.config.DataConfig;
import dev.seq4j.config.SpecialTokens;
import dev.seq4j.data.ParallelCorpus;
import dev.seq4j.data.SentencePair;
import dev.seq4j.data.batch.Example;
import dev.seq4j.tokenize.Bpe;
import dev.seq4j.tokenize.BpeTokenizer;
import dev.seq4j.tokenize.Tokenizer;
import dev.seq4j.tokenize.Tokenizers;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The corpora of an experiment, tokenized and encoded, with the vocabularies built from the
 * training side.
 *
 * @param srcBpe the source side's subword merges, or null without BPE
 * @param trgBpe the target side's (the same object when learned jointly), or null
 * @param validSources raw validation sources
 * @param validReferences raw validation references
 */
public record Dataset(
    Vocabulary srcVocabulary,
    Vocabulary trgVocabulary,
    Bpe srcBpe,
    Bpe trgBpe,
    List<Example> train,
    List<String> validSources,
    List<String> validReferences) {

  /** Reads and encodes the corpora {@code data} names. */
  public static Dataset load(DataConfig data) {
    Tokenizer srcTok = Tokenizers.create(data.srcTokenizer(), data.lowercase());
    Tokenizer trgTok = Tokenizers.create(data.trgTokenizer(), data.lowercase());
    List<List<String>> trainSrc = new ArrayList<>();
    List<List<String>> trainTrg = new ArrayList<>();
    for (SentencePair p : read(data, data.train())) {
      trainSrc.add(srcTok.tokenize(p.src()));
      trainTrg.add(trgTok.tokenize(p.trg()));
    }
    Bpe srcBpe = null;
    Bpe trgBpe = null;
    if (data.bpe()) {
      Map<String, Long> srcWords = wordCounts(trainSrc);
      Map<String, Long> trgWords = wordCounts(trainTrg);
      if (data.bpeJoint()) {
        Map<String, Long> both = new HashMap<>(srcWords);
        trgWords.forEach((w, n) -> both.merge(w, n, Long::sum));
        srcBpe = learn(both, data);
        trgBpe = srcBpe;
      } else {
        srcBpe = learn(srcWords, data);
        trgBpe = learn(trgWords, data);
      }
      trainSrc = segmentAll(trainSrc, srcBpe);
      trainTrg = segmentAll(trainTrg, trgBpe);
    }
    SpecialTokens specials = data.specials();
    Vocabulary src;
    Vocabulary trg;
    if (data.sharedVocabulary()) {
      Map<String, Long> counts = new HashMap<>(Vocabulary.count(trainSrc));
      Vocabulary.count(trainTrg).forEach((token, n) -> counts.merge(token, n, Long::sum));
      src = Vocabulary.fromCounts(counts, specials, data.minFreq(), data.maxVocab());
      trg = src;
    } else {
      src =
          Vocabulary.fromCounts(
              Vocabulary.count(trainSrc), specials, data.minFreq(), data.maxVocab());
      trg =
          Vocabulary.fromCounts(
              Vocabulary.count(trainTrg), specials, data.minFreq(), data.maxVocab());
    }
    List<Example> train = new ArrayList<>(trainSrc.size());
    for (int i = 0; i < trainSrc.size(); i++) {
      train.add(new Example(src.encode(trainSrc.get(i)), trg.encode(trainTrg.get(i)), i));
    }
    List<String> validSources = new ArrayList<>();
    List<String> validReferences = new ArrayList<>();
    if (data.valid() != null) {
      for (SentencePair p : read(data, data.valid())) {
        validSources.add(p.src());
        validReferences.add(p.trg());
      }
    }
    return new Dataset(src, trg, srcBpe, trgBpe, train, validSources, validReferences);
  }

  private static Bpe learn(Map<String, Long> words, DataConfig data) {
    return data.bpeVocabulary() > 0
        ? Bpe.learnVocabulary(words, data.bpeVocabulary())
        : Bpe.learn(words, data.bpeMerges());
  }

  /** How often each token occurs, joiner marks removed: what BPE learns from. */
  private static Map<String, Long> wordCounts(List<List<String>> sentences) {
    Map<String, Long> counts = new HashMap<>();
    for (List<String> s : sentences) {
      for (String t : s) {
        counts.merge(BpeTokenizer.core(t), 1L, Long::sum);
      }
    }
    return counts;
  }

  private static List<List<String>> segmentAll(List<List<String>> sentences, Bpe bpe) {
    List<List<String>> out = new ArrayList<>(sentences.size());
    for (List<String> s : sentences) {
      out.add(BpeTokenizer.segment(s, bpe));
    }
    return out;
  }

  private static List<SentencePair> read(DataConfig data, String path) {
    return ParallelCorpus.readAll(path, data.format(), data.src(), data.trg());
  }
}
