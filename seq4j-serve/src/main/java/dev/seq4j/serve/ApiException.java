package dev.seq4j.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that fails with an HTTP status and a message naming the field; {@link
 * TranslationServer} answers it as {@code {"error": …, "field": …}} with any extra headers.
 */
final class ApiException extends RuntimeException {
  final int status;
  final String field;
  final Map<String, String> headers = new LinkedHashMap<>();

  ApiException(int status, String message, String field) {
    super(message);
    this.status = status;
    this.field = field;
  }

  ApiException header(String name, String value) {
    headers.put(name, value);
    return this;
  }
}
