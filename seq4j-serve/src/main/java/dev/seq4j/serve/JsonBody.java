package dev.seq4j.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reading request bodies: syntax errors (a key given twice, a lone UTF-16 surrogate such as {@code
 * "\\ud800"} included) are 400, a bad field is 422 naming the field.
 */
final class JsonBody {
  private JsonBody() {}

  /** The body as a JSON object holding only {@code fields}. */
  static JsonNode object(ObjectMapper json, String body, Set<String> fields) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ApiException(400, "invalid JSON: " + e.getOriginalMessage(), null);
    }
    if (root == null || !root.isObject()) {
      throw new ApiException(400, "the body must be a JSON object", null);
    }
    rejectLoneSurrogates(root);
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!fields.contains(f)) {
        throw new ApiException(
            400, "unknown field '" + f + "' (known: " + new java.util.TreeSet<>(fields) + ")", f);
      }
    }
    return root;
  }

  /** Refuses a string or key holding a surrogate that is not half of a pair (400). */
  private static void rejectLoneSurrogates(JsonNode node) {
    if (node.isTextual()) {
      checkPairs(node.textValue());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      checkPairs(e.getKey());
      rejectLoneSurrogates(e.getValue());
    }
    if (node.isArray()) {
      node.forEach(JsonBody::rejectLoneSurrogates);
    }
  }

  private static void checkPairs(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        if (Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
      }
      if (Character.isSurrogate(c)) {
        throw new ApiException(
            400, String.format("invalid JSON: lone surrogate \\u%04x in a string", (int) c), null);
      }
    }
  }

  /** An integer field in [min, max]; {@code absent} (clamped to the range) when missing. */
  static int integer(JsonNode root, String field, int min, int max, int absent) {
    if (!root.has(field)) {
      return Math.min(Math.max(absent, min), max);
    }
    JsonNode v = root.get(field);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new ApiException(
          422, field + " must be an integer in [" + min + ", " + max + "]", field);
    }
    int n = v.intValue();
    if (n < min || n > max) {
      throw new ApiException(
          422, field + " must be an integer in [" + min + ", " + max + "], was " + n, field);
    }
    return n;
  }
}
