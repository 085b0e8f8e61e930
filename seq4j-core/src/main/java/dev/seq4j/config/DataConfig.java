package dev.seq4j.config;

/**
 * Where the corpus is and how it is tokenized.
 *
 * @param train training corpus: a prefix {@code P} of {@code P.src}/{@code P.trg} files (format
 *     text), or one file (tsv, json)
 * @param valid validation corpus, or null
 * @param test test corpus, or null
 * @param src source language suffix (text) or field name (json)
 * @param trg target language suffix or field name
 * @param maxLength training pairs with more tokens on either side are dropped
 * @param minFreq tokens seen fewer times in training map to {@code <unk>}
 * @param maxVocab vocabulary size cap, specials included
 * @param bpeMerges learn this many byte-pair-encoding merges on the training data and split tokens
 *     into subword pieces (0: whole tokens)
 * @param bpeVocabulary instead of a number of merges: learn merges until the training text has this
 *     many distinct subword pieces (0: use {@code bpeMerges})
 * @param bpeJoint one set of merges learned from both sides (else one per side)
 * @param sharedVocabulary one vocabulary built from both sides (needed to tie source and target
 *     embeddings)
 */
public record DataConfig(
    String train,
    String valid,
    String test,
    Format format,
    String src,
    String trg,
    TokenizerKind srcTokenizer,
    TokenizerKind trgTokenizer,
    boolean lowercase,
    int maxLength,
    int minFreq,
    int maxVocab,
    int bpeMerges,
    int bpeVocabulary,
    boolean bpeJoint,
    boolean sharedVocabulary,
    SpecialTokens specials) {

  /** Corpus file layouts. */
  public enum Format {
    TEXT,
    TSV,
    JSON
  }

  /** Tokenizers. */
  public enum TokenizerKind {
    WORD,
    CHAR,
    KOREAN,
    SPACE
  }

  /** Reads the {@code data} section. */
  public static DataConfig read(Section s) {
    DataConfig c =
        new DataConfig(
            s.string("train", null, true),
            s.string("valid", null, false),
            s.string("test", null, false),
            s.choice("format", Format.TEXT, Format.class),
            s.string("src", null, true),
            s.string("trg", null, true),
            s.choice("srcTokenizer", TokenizerKind.WORD, TokenizerKind.class),
            s.choice("trgTokenizer", TokenizerKind.WORD, TokenizerKind.class),
            s.bool("lowercase", false),
            (int) s.integer("maxLength", 100, 1, 10_000),
            (int) s.integer("minFreq", 1, 1, Integer.MAX_VALUE),
            (int) s.integer("maxVocab", 50_000, 4, Integer.MAX_VALUE),
            (int) s.integer("bpeMerges", 0, 0, 10_000_000),
            (int) s.integer("bpeVocabulary", 0, 0, 10_000_000),
            s.bool("bpeJoint", true),
            s.bool("sharedVocabulary", false),
            SpecialTokens.read(s.section("specials")));
    s.finish();
    if (c.bpeMerges() > 0 && c.bpeVocabulary() > 0) {
      throw s.invalid("bpeVocabulary", "give data.bpeMerges or data.bpeVocabulary, not both");
    }
    return c;
  }

  /** Whether tokens are split into byte-pair-encoded subwords. */
  public boolean bpe() {
    return bpeMerges > 0 || bpeVocabulary > 0;
  }

  /** A copy reading other corpus paths. */
  public DataConfig withPaths(String train, String valid, String test) {
    return new DataConfig(
        train,
        valid,
        test,
        format,
        src,
        trg,
        srcTokenizer,
        trgTokenizer,
        lowercase,
        maxLength,
        minFreq,
        maxVocab,
        bpeMerges,
        bpeVocabulary,
        bpeJoint,
        sharedVocabulary,
        specials);
  }
}
