package dev.seq4j.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Answers: a body with its content type and headers, JSON, and error objects. */
final class Responses {
  /**
   * The one JSON mapper of the server (thread-safe once configured); a key given twice in one
   * object is a syntax error.
   */
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static final String JSON_TYPE = "application/json; charset=utf-8";

  private Responses() {}

  /** One answer: status, content type, body and extra headers ({@code nosniff} is always added). */
  record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
    static Reply text(int status, String contentType, String body) {
      return new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static Reply json(int status, JsonNode body) {
      try {
        return new Reply(status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write JSON", e);
      }
    }

    /** This answer with the header {@code name} set to {@code value}. */
    Reply with(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, contentType, body, h);
    }

    /** The JSON error for {@code e}, with its headers. */
    static Reply of(ApiException e) {
      Reply r = json(e.status, error(e.getMessage(), e.field));
      return new Reply(r.status, r.contentType, r.body, new LinkedHashMap<>(e.headers));
    }
  }

  /** {@code {"error": message, "field": field}}, with {@code field} null when none is to blame. */
  static ObjectNode error(String message, String field) {
    ObjectNode o = JSON.createObjectNode().put("error", message);
    if (field == null) {
      o.putNull("field");
    } else {
      o.put("field", field);
    }
    return o;
  }
}
