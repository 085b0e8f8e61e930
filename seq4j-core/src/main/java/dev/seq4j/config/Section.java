package dev.seq4j.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One mapping of the YAML tree being bound to a record. Every read names its key, so the keys a
 * record reads are the keys it allows; {@link #finish()} rejects the rest.
 */
public final class Section {
  private final String path;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();
  private final Node node;
  private final Origins origins;
  private final Set<String> allowed = new LinkedHashSet<>();

  Section(String path, Node node, Origins origins) {
    this.path = path;
    this.node = node;
    this.origins = origins;
    if (node != null) {
      if (!(node instanceof MappingNode mapping)) {
        throw origins.error(node, label(), "expected a mapping, was " + describe(node));
      }
      for (NodeTuple t : mapping.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          throw origins.error(t.getKeyNode(), label(), "keys must be plain names");
        }
        if (values.containsKey(k.getValue())) {
          throw origins.error(k, qualify(k.getValue()), "duplicate key");
        }
        values.put(k.getValue(), t.getValueNode());
        keys.put(k.getValue(), k);
      }
    }
  }

  /** The file (or other source) the YAML came from, for messages about the whole file. */
  public String source() {
    return origins.file();
  }

  private String label() {
    return path.isEmpty() ? "(top level)" : path;
  }

  /** The full YAML key of {@code key} in this section, e.g. {@code model.hidden}. */
  public String qualify(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The nested mapping under {@code key} (an empty section when absent). */
  public Section section(String key) {
    allowed.add(key);
    Node v = values.get(key);
    return new Section(qualify(key), isNull(v) ? null : v, origins);
  }

  /** The string under {@code key}; {@code fallback} when absent, unless {@code required}. */
  public String string(String key, String fallback, boolean required) {
    allowed.add(key);
    Node v = values.get(key);
    if (isNull(v)) {
      if (required) {
        throw origins.missing(node, qualify(key));
      }
      return fallback;
    }
    if (!(v instanceof ScalarNode s)) {
      throw origins.error(v, qualify(key), "expected a string, was " + describe(v));
    }
    return s.getValue();
  }

  /** The integer under {@code key} in [{@code min}, {@code max}], or {@code fallback}. */
  public long integer(String key, long fallback, long min, long max) {
    String text = scalar(key, "an integer");
    if (text == null) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw origins.error(values.get(key), qualify(key), "expected an integer, was '" + text + "'");
    }
    if (value < min || value > max) {
      throw origins.error(values.get(key), qualify(key), range(min, max) + ", was " + value);
    }
    return value;
  }

  /** The finite number under {@code key} within the bounds, or {@code fallback}. */
  public double number(String key, double fallback, Bound lower, Bound upper) {
    String text = scalar(key, "a number");
    if (text == null) {
      return fallback;
    }
    double value;
    try {
      value = parseDouble(text);
    } catch (NumberFormatException e) {
      throw origins.error(values.get(key), qualify(key), "expected a number, was '" + text + "'");
    }
    if (!Double.isFinite(value)) {
      throw origins.error(
          values.get(key), qualify(key), "must be a finite number, was " + text.trim());
    }
    if (!lower.admitsFromBelow(value) || !upper.admitsFromAbove(value)) {
      throw origins.error(
          values.get(key), qualify(key), Bound.describe(lower, upper) + ", was " + value);
    }
    return value;
  }

  /** The boolean under {@code key}, or {@code fallback}. */
  public boolean bool(String key, boolean fallback) {
    String text = scalar(key, "a boolean");
    if (text == null) {
      return fallback;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw origins.error(
              values.get(key), qualify(key), "expected a boolean, was '" + text + "'");
    };
  }

  /**
   * The constant of {@code type} whose {@link Choices} name is under {@code key}, or {@code
   * fallback}.
   */
  public <E extends Enum<E>> E choice(String key, E fallback, Class<E> type) {
    String text = scalar(key, "a string");
    if (text == null) {
      return fallback;
    }
    for (E e : type.getEnumConstants()) {
      if (Choices.name(e).equals(text)) {
        return e;
      }
    }
    throw origins.error(
        values.get(key),
        qualify(key),
        "must be one of " + Choices.names(type) + ", was '" + text + "'");
  }

  /** The list of strings under {@code key}, or {@code fallback}. */
  public List<String> strings(String key, List<String> fallback) {
    allowed.add(key);
    Node v = values.get(key);
    if (isNull(v)) {
      return fallback;
    }
    if (!(v instanceof SequenceNode seq)) {
      throw origins.error(v, qualify(key), "expected a list, was " + describe(v));
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      if (!(item instanceof ScalarNode s)) {
        throw origins.error(item, qualify(key), "expected a list of strings");
      }
      out.add(s.getValue());
    }
    return List.copyOf(out);
  }

  /** Fails on the first key no read asked for. */
  public void finish() {
    for (Map.Entry<String, Node> e : keys.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw origins.error(
            e.getValue(),
            null,
            "unknown key '"
                + qualify(e.getKey())
                + "' (allowed: "
                + String.join(", ", allowed)
                + ")");
      }
    }
  }

  /**
   * Builds a record whose compact constructor validates itself: an {@link InvalidSetting} it throws
   * becomes a {@link ConfigException} that names the file and line of the offending key.
   */
  public <T> T check(Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidSetting e) {
      String prefix = path.isEmpty() ? "" : path + ".";
      String key = e.key().startsWith(prefix) ? e.key().substring(prefix.length()) : e.key();
      throw invalidAt(key, e.problem());
    }
  }

  /** Like {@link #invalid}, for a key below this section ({@code model.tie} from the top). */
  private ConfigException invalidAt(String key, String problem) {
    int dot = key.indexOf('.');
    Node v = dot < 0 ? null : values.get(key.substring(0, dot));
    if (v instanceof MappingNode) {
      return new Section(qualify(key.substring(0, dot)), v, origins)
          .invalidAt(key.substring(dot + 1), problem);
    }
    return invalid(key, problem);
  }

  /** An error about the value of {@code key}, for checks across several keys. */
  public ConfigException invalid(String key, String problem) {
    Node v = values.get(key);
    return origins.error(v == null ? node : v, qualify(key), problem);
  }

  private String scalar(String key, String expected) {
    allowed.add(key);
    Node v = values.get(key);
    if (isNull(v)) {
      return null;
    }
    if (!(v instanceof ScalarNode s)) {
      throw origins.error(v, qualify(key), "expected " + expected + ", was " + describe(v));
    }
    return s.getValue().trim();
  }

  private static double parseDouble(String text) {
    String t = text.replace("_", "").toLowerCase(Locale.ROOT);
    return switch (t) {
      case ".nan", "nan" -> Double.NaN;
      case ".inf", "+.inf", "inf", "infinity" -> Double.POSITIVE_INFINITY;
      case "-.inf", "-inf", "-infinity" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(t);
    };
  }

  private static String range(long min, long max) {
    if (max == Long.MAX_VALUE) {
      return "must be >= " + min;
    }
    return "must be in [" + min + ", " + max + "]";
  }

  static boolean isNull(Node v) {
    return v == null
        || (v instanceof ScalarNode s
            && s.getTag().getValue().endsWith(":null")
            && (s.getValue().isEmpty() || s.getValue().equals("null") || s.getValue().equals("~")));
  }

  static String describe(Node v) {
    if (v instanceof MappingNode) {
      return "a mapping";
    }
    if (v instanceof SequenceNode) {
      return "a list";
    }
    return "'" + ((ScalarNode) v).getValue() + "'";
  }
}
