package dev.seq4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.config.InvalidSetting;
import dev.seq4j.translate.Translator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A validated {@code POST /v1/translate} body: {@code {"text": "…"}} or {@code {"texts": [...]}},
 * optional {@code beam}, {@code nbest}, {@code maxLength} and {@code attention} ({@code true}: the
 * weights over the source; {@code "layers"}: those and, for a Transformer, every layer and head of
 * each attention). Syntax errors are 400; a well-formed body with a bad field is 422 naming the
 * field: among them a text over the character cap or over {@code decode.maxInputTokens} source
 * tokens, and attention for a model without attention.
 */
record Request(
    List<String> texts,
    List<List<String>> tokens,
    DecodeConfig decode,
    Translator.Attention attention) {
  private static final Set<String> FIELDS =
      Set.of("text", "texts", "beam", "nbest", "maxLength", "attention");

  /**
   * What a request is checked against besides the server's limits: the model's decoding settings,
   * whether it attends, and its source tokenizer (a text's tokens are counted against {@code
   * decode.maxInputTokens} and kept for the translator, so a text is tokenized once).
   */
  record Model(DecodeConfig decode, boolean attends, Function<String, List<String>> tokenize) {}

  static Request parse(ObjectMapper json, String body, ServeOptions limits, Model model) {
    JsonNode root = JsonBody.object(json, body, FIELDS);
    DecodeConfig base = model.decode();
    List<String> texts = texts(root, limits);
    List<List<String>> tokens = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      tokens.add(tokens(texts.get(i), root.has("text") ? "text" : "texts[" + i + "]", model));
    }
    int beam =
        JsonBody.integer(
            root,
            "beam",
            1,
            limits.maxBeam(),
            base.strategy() == DecodeConfig.Strategy.BEAM ? base.beamSize() : 1);
    int nbest = JsonBody.integer(root, "nbest", 1, beam, 1);
    int maxLength = JsonBody.integer(root, "maxLength", 1, limits.maxLength(), base.maxLength());
    Translator.Attention attention = attention(root.get("attention"));
    if (attention != Translator.Attention.NONE && !model.attends()) {
      throw new ApiException(422, "attention: this model has no attention to show", "attention");
    }
    try {
      return new Request(texts, tokens, base.withSearch(beam, maxLength, nbest), attention);
    } catch (InvalidSetting e) { // a maxLength below decode.minLength
      throw new ApiException(422, "maxLength " + maxLength + ": " + e.getMessage(), "maxLength");
    }
  }

  /** {@code true}, {@code false} (or absent) or {@code "layers"}. */
  private static Translator.Attention attention(JsonNode a) {
    if (a == null) {
      return Translator.Attention.NONE;
    }
    if (a.isBoolean()) {
      return Translator.Attention.of(a.booleanValue());
    }
    if (a.isTextual() && a.textValue().equals("layers")) {
      return Translator.Attention.LAYERS;
    }
    throw new ApiException(422, "attention must be true, false or \"layers\"", "attention");
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

  /** The source tokens of {@code text}, within {@code decode.maxInputTokens}. */
  private static List<String> tokens(String text, String field, Model model) {
    List<String> tokens = model.tokenize().apply(text);
    int max = model.decode().maxInputTokens();
    if (tokens.size() > max) {
      throw new ApiException(
          422,
          field
              + " has "
              + tokens.size()
              + " source tokens, over the cap of "
              + max
              + " (decode.maxInputTokens)",
          field);
    }
    return tokens;
  }
}
