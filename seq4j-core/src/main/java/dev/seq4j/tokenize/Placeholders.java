package dev.seq4j.tokenize;

import java.util.ArrayList;
import java.util.List;

/**
 * Format placeholders, which the word and Korean tokenizers keep as single tokens so that a
 * translator copies {@code %s} or {@code {0}} as one unit instead of inventing a {@code %} and an
 * {@code s} separately. Recognised, anywhere in the text:
 *
 * <ul>
 *   <li>printf: {@code %%}, {@code %s}, {@code %d}, {@code %1$s}, {@code %-10s}, {@code %.2f},
 *       {@code %lu}, {@code %zu}, {@code %<PRIu64>}: {@code %}, an optional argument index {@code
 *       N$}, flags from {@code -+#0'} (not the space flag, so "50% discount" stays three tokens),
 *       width, precision, a length modifier and a conversion letter;
 *   <li>Python: {@code %(name)s}, {@code %(count)d};
 *   <li>braces: {@code {}}, {@code {0}}, {@code {name}}, {@code {0:d}} (no spaces or nested
 *       braces).
 * </ul>
 */
public final class Placeholders {
  private static final String FLAGS = "-+#0'";
  private static final String CONVERSIONS = "diouxXeEfFgGaAcspn";

  private Placeholders() {}

  /**
   * Where the placeholder that starts at {@code i} ends (exclusive), or -1 if none starts there.
   */
  public static int end(String s, int i) {
    if (i >= s.length()) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '%') {
      return printfEnd(s, i);
    }
    if (c == '{') {
      return braceEnd(s, i);
    }
    return -1;
  }

  /** The placeholders of {@code s}, left to right. */
  public static List<String> find(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      int e = end(s, i);
      if (e > 0) {
        out.add(s.substring(i, e));
        i = e;
      } else {
        i++;
      }
    }
    return out;
  }

  private static int printfEnd(String s, int start) {
    int n = s.length();
    int i = start + 1;
    if (i >= n) {
      return -1;
    }
    char c = s.charAt(i);
    if (c == '%') {
      return i + 1;
    }
    if (c == '(') { // Python %(name)s
      int close = s.indexOf(')', i + 1);
      if (close < 0 || close == i + 1 || !isIdentifier(s, i + 1, close)) {
        return -1;
      }
      i = close + 1;
    } else if (c == '<') { // %<PRIu64> (gettext's system-dependent strings)
      int close = s.indexOf('>', i + 1);
      return close > i + 4 && s.startsWith("PRI", i + 1) && isIdentifier(s, i + 1, close)
          ? close + 1
          : -1;
    } else {
      int digits = skipDigits(s, i);
      if (digits > i && digits < n && s.charAt(digits) == '$') {
        i = digits + 1; // argument index %1$s
      }
    }
    while (i < n && FLAGS.indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    i = i < n && s.charAt(i) == '*' ? i + 1 : skipDigits(s, i);
    if (i < n && s.charAt(i) == '.') {
      i = i + 1 < n && s.charAt(i + 1) == '*' ? i + 2 : skipDigits(s, i + 1);
    }
    i = skipLength(s, i);
    return i < n && CONVERSIONS.indexOf(s.charAt(i)) >= 0 ? i + 1 : -1;
  }

  private static int skipLength(String s, int i) {
    for (String m : new String[] {"hh", "ll", "h", "l", "L", "q", "j", "z", "Z", "t"}) {
      if (s.startsWith(m, i)) {
        return i + m.length();
      }
    }
    return i;
  }

  private static int braceEnd(String s, int start) {
    int n = s.length();
    int i = start + 1;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '}') {
        return i + 1;
      }
      if (c == '{' || Character.isWhitespace(c) || i - start > 40) {
        return -1;
      }
      boolean allowed =
          Character.isLetterOrDigit(c)
              || c == '_'
              || c == '.'
              || c == ':'
              || c == '!'
              || c == '-'
              || c == '+'
              || c == '<'
              || c == '>'
              || c == '^'
              || c == '#';
      if (!allowed) {
        return -1;
      }
      i++;
    }
    return -1;
  }

  private static boolean isIdentifier(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_')) {
        return false;
      }
    }
    return to > from;
  }

  private static int skipDigits(String s, int i) {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }
}
