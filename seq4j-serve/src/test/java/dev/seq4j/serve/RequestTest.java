package dev.seq4j.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seq4j.config.ConfigLoader;
import dev.seq4j.config.DecodeConfig;
import dev.seq4j.translate.Translator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request validation against the model: attention, the token cap, the length settings. */
class RequestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DecodeConfig decode(String yaml) {
    return ConfigLoader.parse(
        "decode: " + yaml, "x.yaml", List.of(), s -> DecodeConfig.read(s.section("decode")));
  }

  /** One token per space-separated word. */
  private static Request.Model model(DecodeConfig decode, boolean attends) {
    return new Request.Model(
        decode, attends, t -> t.isBlank() ? List.of() : List.of(t.strip().split("\\s+")));
  }

  private static ApiException refused(String body, Request.Model model) {
    return assertThrows(
        ApiException.class, () -> Request.parse(JSON, body, ServeOptions.defaults(), model));
  }

  @Test
  void attentionOnAModelWithoutAttentionIs422NamingTheField() {
    ApiException e =
        refused("{\"text\": \"a b\", \"attention\": true}", model(decode("{}"), false));
    assertEquals(422, e.status);
    assertEquals("attention", e.field);
    assertEquals("attention: this model has no attention to show", e.getMessage());
    Request r =
        Request.parse(
            JSON,
            "{\"text\": \"a b\", \"attention\": false}",
            ServeOptions.defaults(),
            model(decode("{}"), false));
    assertEquals(Translator.Attention.NONE, r.attention());
  }

  @Test
  void attentionIsTrueFalseOrLayers() {
    Request.Model m = model(decode("{}"), true);
    String[] values = {"true", "false", "\"layers\""};
    Translator.Attention[] expected = {
      Translator.Attention.WEIGHTS, Translator.Attention.NONE, Translator.Attention.LAYERS
    };
    for (int i = 0; i < values.length; i++) {
      String body = "{\"text\": \"a b\", \"attention\": " + values[i] + "}";
      assertEquals(
          expected[i], Request.parse(JSON, body, ServeOptions.defaults(), m).attention(), body);
    }
    assertEquals(
        Translator.Attention.NONE,
        Request.parse(JSON, "{\"text\": \"a b\"}", ServeOptions.defaults(), m).attention());
    for (String bad : List.of("\"yes\"", "\"LAYERS\"", "1", "[true]")) {
      ApiException e = refused("{\"text\": \"a b\", \"attention\": " + bad + "}", m);
      assertEquals(422, e.status, bad);
      assertEquals("attention must be true, false or \"layers\"", e.getMessage());
    }
    ApiException e =
        refused("{\"text\": \"a\", \"attention\": \"layers\"}", model(decode("{}"), false));
    assertEquals("attention: this model has no attention to show", e.getMessage());
  }

  @Test
  void aTextOverTheTokenCapIs422NamingTheField() {
    Request.Model m = model(decode("{maxInputTokens: 3}"), true);
    ApiException e = refused("{\"texts\": [\"a b c\", \"a b c d\"]}", m);
    assertEquals(422, e.status);
    assertEquals("texts[1]", e.field);
    assertEquals(
        "texts[1] has 4 source tokens, over the cap of 3 (decode.maxInputTokens)", e.getMessage());
    Request r =
        Request.parse(JSON, "{\"texts\": [\"a b c\", \"   \"]}", ServeOptions.defaults(), m);
    assertEquals(List.of("a b c", "   "), r.texts());
    assertEquals(List.of(List.of("a", "b", "c"), List.of()), r.tokens(), "tokenized once, here");
  }

  @Test
  void aMaxLengthBelowTheMinimumLengthIs422() {
    ApiException e =
        refused("{\"text\": \"a\", \"maxLength\": 5}", model(decode("{minLength: 8}"), true));
    assertEquals(422, e.status);
    assertEquals("maxLength", e.field);
    assertEquals(
        "maxLength 5: decode.minLength: must be <= decode.maxLength (5), was 8", e.getMessage());
  }
}
