package dev.seq4j.eval;

import java.util.regex.Pattern;

/** sacreBLEU's default tokenizer "13a" (mteval-v13a.pl), for scoring only. */
final class Tokenizer13a {
  private static final Pattern[] PATTERNS = {
    Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])"),
    Pattern.compile("([^0-9])([\\.,])"),
    Pattern.compile("([\\.,])([^0-9])"),
    Pattern.compile("([0-9])(-)")
  };
  private static final String[] REPLACEMENTS = {" $1 ", "$1 $2 ", " $1 $2", "$1 $2 "};
  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private Tokenizer13a() {}

  /** The tokens of {@code line}. */
  static String[] tokenize(String line) {
    String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ");
    if (s.indexOf('&') >= 0) {
      s = s.replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
    }
    s = " " + s + " ";
    for (int i = 0; i < PATTERNS.length; i++) {
      s = PATTERNS[i].matcher(s).replaceAll(REPLACEMENTS[i]);
    }
    String trimmed = SPACES.matcher(s).replaceAll(" ").strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split(" ");
  }
}
