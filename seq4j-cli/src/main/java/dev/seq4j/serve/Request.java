package dev.seq4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.DecodeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A validated {@code POST /v1/translate} body: {@code {"text": "…"}} or {@code {"texts": [...]}},
 * optional {@code beam}, {@code nbest}, {@code maxLength} and {@code attention}. Syntax errors are
 * 400; a well-formed body with a bad field is 422 naming the field.
 */
record Request(List<String> texts, DecodeConfig decode, boolean attention) {
  private static final Set<String> FIELDS =
      Set.of("text", "texts", "beam", "nbest", "maxLength", "attention");

  static Request parse(ObjectMapper json, String body, ServeOptions limits, DecodeConfig base) {
    JsonNode root = JsonBody.object(json, body, FIELDS);
    List<String> texts = texts(root, limits);
    int beam =
        JsonBody.integer(
            root,
            "beam",
            1,
            limits.maxBeam(),
            base.strategy() == DecodeConfig.Strategy.BEAM ? base.beamSize() : 1);
    int nbest = JsonBody.integer(root, "nbest", 1, beam, 1);
    int maxLength = JsonBody.integer(root, "maxLength", 1, limits.maxLength(), base.maxLength());
    boolean attention = false;
    if (root.has("attention")) {
      if (!root.get("attention").isBoolean()) {
        throw new ApiException(422, "attention must be true or false", "attention");
      }
      attention = root.get("attention").booleanValue();
    }
    DecodeConfig decode = base.withSearch(beam, maxLength, nbest);
    return new Request(texts, decode, attention);
  }

  private static List<String> texts(JsonNode root, ServeOptions limits) {
    boolean one = root.has("text");
    boolean many = root.has("texts");
    if (one == many) {
      throw new ApiException(
          422,
          "give exactly one of \"text\" (a string) or \"texts\" (a list of strings)",
          one ? "texts" : "text");
    }
    List<String> out = new ArrayList<>();
    if (one) {
      JsonNode t = root.get("text");
      if (!t.isTextual()) {
        throw new ApiException(422, "text must be a string", "text");
      }
      out.add(check(t.textValue(), "text", limits));
      return out;
    }
    JsonNode list = root.get("texts");
    if (!list.isArray()) {
      throw new ApiException(422, "texts must be a list of strings", "texts");
    }
    if (list.isEmpty()) {
      throw new ApiException(422, "texts must not be empty", "texts");
    }
    if (list.size() > limits.maxTexts()) {
      throw new ApiException(
          422, "at most " + limits.maxTexts() + " texts per request, got " + list.size(), "texts");
    }
    for (int i = 0; i < list.size(); i++) {
      String field = "texts[" + i + "]";
      if (!list.get(i).isTextual()) {
        throw new ApiException(422, field + " must be a string", field);
      }
      out.add(check(list.get(i).textValue(), field, limits));
    }
    return out;
  }

  private static String check(String text, String field, ServeOptions limits) {
    if (text.length() > limits.maxTextChars()) {
      throw new ApiException(
          422,
          field + " has " + text.length() + " characters, over the cap of " + limits.maxTextChars(),
          field);
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new ApiException(422, field + " must be one line (send several texts instead)", field);
    }
    return text;
  }
}
