package dev.seq4j.data;

import dev.seq4j.tokenize.Placeholders;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a user-interface message from a gettext catalog into a sentence for a translation corpus,
 * the same way on both sides of a pair:
 *
 * <ol>
 *   <li>line breaks and tabs, real or written as {@code \n} / {@code \t}, become spaces; {@code \"}
 *       and {@code \\} become {@code "} and {@code \};
 *   <li>keyboard accelerators go: {@code _File}, {@code &File}, {@code 파일(_F)}, {@code 열기(&O)};
 *   <li>Pango/HTML markup tags ({@code <b>}, {@code <span …>}, {@code <a href=…>}, {@code <br/>},
 *       …) go, their text stays; other angle brackets ({@code <file>}) stay;
 *   <li>XML character entities are decoded ({@code &amp;}, {@code &lt;}, {@code &#233;}, …);
 *   <li>runs of spaces become one, ends are trimmed, Unicode NFC.
 * </ol>
 *
 * Format placeholders ({@code %s}, {@code {0}}, …) are kept as they are: {@link #placeholdersMatch}
 * checks that a translation has the same ones as its source.
 */
public final class CatalogText {
  private static final Pattern ACCELERATOR_SUFFIX =
      Pattern.compile("\\s*\\(\\s*[_&][\\p{L}\\p{N}]\\s*\\)");
  private static final Set<String> MARKUP =
      Set.of(
          "b", "i", "u", "s", "big", "small", "tt", "sub", "sup", "span", "a", "br", "p", "em",
          "strong", "code", "markup", "q", "kbd", "var");
  private static final Pattern TAG = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)(\\s[^<>]*)?/?>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,30});");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

  private CatalogText() {}

  /** The cleaned form of {@code message}. */
  public static String clean(String message) {
    String s = unescapeBackslashes(message);
    s = ACCELERATOR_SUFFIX.matcher(s).replaceAll("");
    s = dropMnemonics(s);
    s = stripMarkup(s);
    s = decodeEntities(s);
    s = SPACES.matcher(s).replaceAll(" ").strip();
    return Normalizer.normalize(s, Normalizer.Form.NFC);
  }

  /**
   * Whether {@code a} and {@code b} hold the same placeholders, in any order ({@code %1$s} = {@code
   * %s}).
   */
  public static boolean placeholdersMatch(String a, String b) {
    return normalized(a).equals(normalized(b));
  }

  /** Whitespace-separated words: the length the corpus cap counts. */
  public static int words(String s) {
    return s.isEmpty() ? 0 : SPACES.split(s).length;
  }

  /**
   * A key under which near-identical sources collide: lowercased, with trailing punctuation and
   * ellipses removed ("Open File…" and "open file" are one source).
   */
  public static String sourceKey(String s) {
    String k = s.toLowerCase(Locale.ROOT);
    int end = k.length();
    while (end > 0 && ".:…!?".indexOf(k.charAt(end - 1)) >= 0) {
      end--;
    }
    return k.substring(0, end).strip();
  }

  private static List<String> normalized(String s) {
    List<String> out = new ArrayList<>();
    for (String p : Placeholders.find(s)) {
      out.add(p.replaceFirst("^%[0-9]+\\$", "%").replaceFirst("^\\{[0-9]+", "{N"));
    }
    out.sort(null);
    return out;
  }

  private static String unescapeBackslashes(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(i + 1);
        switch (n) {
          case 'n', 't', 'r' -> {
            sb.append(' ');
            i++;
            continue;
          }
          case '"', '\\', '\'' -> {
            sb.append(n);
            i++;
            continue;
          }
          default -> {}
        }
      }
      sb.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
    }
    return sb.toString();
  }

  /** Removes {@code _} and {@code &} that mark the next letter as a keyboard accelerator. */
  private static String dropMnemonics(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean marker =
          c == '_' || (c == '&' && !ENTITY.matcher(s).region(i, s.length()).lookingAt());
      if (marker && i + 1 < s.length()) {
        int next = s.codePointAt(i + 1);
        boolean wordStart = i == 0 || !isWordChar(s.charAt(i - 1));
        if (wordStart && Character.isLetterOrDigit(next)) {
          continue;
        }
        if (c == '&' && s.charAt(i + 1) == '&') { // Qt's "&&" is a literal ampersand
          sb.append('&');
          i++;
          continue;
        }
      }
      sb.append(c);
    }
    return sb.toString();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private static String stripMarkup(String s) {
    Matcher m = TAG.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      m.appendReplacement(sb, MARKUP.contains(name) ? "" : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String decodeEntities(String s) {
    Matcher m = ENTITY.matcher(s);
    StringBuilder sb = new StringBuilder(s.length());
    while (m.find()) {
      String e = m.group(1);
      String r =
          switch (e) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp" -> " ";
            default -> numeric(e, m.group());
          };
      m.appendReplacement(sb, Matcher.quoteReplacement(r));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String numeric(String e, String whole) {
    if (!e.startsWith("#")) {
      return whole; // an unknown named entity stays as written
    }
    boolean hex = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X');
    int cp = Integer.parseInt(e.substring(hex ? 2 : 1), hex ? 16 : 10);
    return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : whole;
  }
}
