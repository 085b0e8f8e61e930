package dev.seq4j.tokenize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The saved settings of a tokenizer, stored with a model so inference tokenizes exactly as training
 * did.
 *
 * @param type word, char, korean or space
 * @param lowercase lowercase (Locale.ROOT) before tokenizing
 */
public record TokenizerSpec(String type, boolean lowercase) {
  /** Known tokenizer types. */
  public static final java.util.List<String> TYPES =
      java.util.List.of("word", "char", "korean", "space");

  /** Validates the type. */
  public TokenizerSpec {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException(
          "tokenizer type must be one of " + String.join(", ", TYPES) + ", was '" + type + "'");
    }
  }

  /** A key/value form for JSON or YAML. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("lowercase", lowercase);
    return m;
  }

  /** Reads {@link #toMap()}'s form back. */
  public static TokenizerSpec fromMap(Map<String, ?> m) {
    Object type = m.get("type");
    Object lower = m.get("lowercase");
    if (!(type instanceof String t)) {
      throw new IllegalArgumentException("tokenizer: 'type' must be a string, was " + type);
    }
    return new TokenizerSpec(t.toLowerCase(Locale.ROOT), Boolean.TRUE.equals(lower));
  }
}
