package dev.seq4j.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;

/**
 * Writes resolved configurations (every key, defaults filled in) as YAML that {@link ConfigLoader}
 * reads back to an equal record. A record is written generically: each component becomes the key of
 * its name, enums are written by their {@link Choices} name, strings quoted, nested records as flow
 * mappings. So a new setting or a new model family needs no change here: the task's record lays out
 * its sections ({@code TranslationConfig.toYaml}, {@code NamesConfig.toYaml}).
 */
public final class ConfigWriter {
  /** The first line of every written configuration. */
  public static final String HEADER = "# resolved configuration written by seq4j\n";

  private ConfigWriter() {}

  /** A top-level line {@code key: value}. */
  public static String entry(String key, Object value) {
    return key + ": " + value(value) + '\n';
  }

  /** An indented line {@code key: value} of a section. */
  public static String field(String key, Object value) {
    return "  " + entry(key, value);
  }

  /** One indented line per component of {@code r}, in declaration order. */
  public static String fields(Record r) {
    StringBuilder y = new StringBuilder();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      y.append(field(c.getName(), component(r, c)));
    }
    return y.toString();
  }

  /** A section {@code key:} holding every component of {@code r}. */
  public static String section(String key, Record r) {
    return key + ":\n" + fields(r);
  }

  /**
   * The YAML spelling of a value: {@code null}, a quoted string, an enum's {@link Choices} name, a
   * number or boolean, a list {@code [a, b]} or a nested record {@code {k: v, …}}.
   */
  public static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof Enum<?> e) {
      return Choices.name(e);
    }
    if (v instanceof Double x) {
      return String.format(Locale.ROOT, "%s", x);
    }
    if (v instanceof List<?> list) {
      StringBuilder y = new StringBuilder("[");
      for (int i = 0; i < list.size(); i++) {
        y.append(i == 0 ? "" : ", ").append(list.get(i)); // names of specials: plain scalars
      }
      return y.append(']').toString();
    }
    if (v instanceof Record r) {
      StringBuilder y = new StringBuilder("{");
      RecordComponent[] cs = r.getClass().getRecordComponents();
      for (int i = 0; i < cs.length; i++) {
        y.append(i == 0 ? "" : ", ").append(cs[i].getName()).append(": ");
        y.append(value(component(r, cs[i])));
      }
      return y.append('}').toString();
    }
    return String.valueOf(v);
  }

  private static Object component(Record r, RecordComponent c) {
    try {
      return c.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + r, e);
    }
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        default -> q.append(ch);
      }
    }
    return q.append('"').toString();
  }
}
