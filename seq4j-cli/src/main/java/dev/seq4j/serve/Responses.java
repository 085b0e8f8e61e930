package dev.seq4j.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing answers: a body with its content type and {@code nosniff}, JSON, and error objects. */
final class Responses {
  /** The one JSON mapper of the server (thread-safe once configured). */
  static final ObjectMapper JSON = new ObjectMapper();

  private Responses() {}

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

  static void sendJson(HttpExchange ex, int status, JsonNode body) throws IOException {
    send(ex, status, "application/json; charset=utf-8", JSON.writeValueAsString(body));
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
