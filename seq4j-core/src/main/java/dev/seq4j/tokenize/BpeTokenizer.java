package dev.seq4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * A tokenizer followed by byte-pair encoding: each token is split into subword pieces, every piece
 * but a word's last carrying the continuation mark {@code @@} (Sennrich's convention). Detokenizing
 * first joins the pieces back into the tokens, then applies the base tokenizer's detokenizer, so
 * {@code detokenize(tokenize(s))} is whatever the base tokenizer gives back.
 *
 * <pre>
 * "Hunde bellen." → [Hun@@, de, bel@@, len, ￭.]
 * </pre>
 */
public final class BpeTokenizer implements Tokenizer {
  /** Marks a piece that continues into the next one. */
  public static final String CONTINUE = "@@";

  private final Tokenizer base;
  private final Bpe bpe;

  /** BPE with {@code bpe}'s merges over {@code base}'s tokens. */
  public BpeTokenizer(Tokenizer base, Bpe bpe) {
    this.base = base;
    this.bpe = bpe;
  }

  @Override
  public List<String> tokenize(String text) {
    return segment(base.tokenize(text), bpe);
  }

  /**
   * The pieces of already tokenized text; a joiner mark stays on a token's first piece, and a
   * format placeholder ({@link Placeholders}) stays whole.
   */
  public static List<String> segment(List<String> tokens, Bpe bpe) {
    List<String> out = new ArrayList<>();
    for (String t : tokens) {
      String mark = t.startsWith(Joiner.MARK) && t.length() > 1 ? Joiner.MARK : "";
      String word = t.substring(mark.length());
      List<String> pieces =
          Placeholders.end(word, 0) == word.length() ? List.of(word) : bpe.segment(word);
      for (int i = 0; i < pieces.size(); i++) {
        String p = (i == 0 ? mark : "") + pieces.get(i);
        out.add(i < pieces.size() - 1 ? p + CONTINUE : p);
      }
    }
    return out;
  }

  /** The word a token stands for, without a joiner mark: what BPE learns from. */
  public static String core(String token) {
    return token.startsWith(Joiner.MARK) && token.length() > 1
        ? token.substring(Joiner.MARK.length())
        : token;
  }

  /** Pieces joined back into tokens: a piece ending in {@code @@} continues into the next. */
  public static List<String> join(List<String> pieces) {
    List<String> tokens = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String p : pieces) {
      if (p.endsWith(CONTINUE) && p.length() > CONTINUE.length()) {
        current.append(p, 0, p.length() - CONTINUE.length());
      } else {
        current.append(p);
        tokens.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      tokens.add(current.toString()); // a dangling continuation at the end of an output
    }
    return tokens;
  }

  @Override
  public String detokenize(List<String> tokens) {
    return base.detokenize(join(tokens));
  }

  @Override
  public TokenizerSpec spec() {
    return base.spec();
  }
}
