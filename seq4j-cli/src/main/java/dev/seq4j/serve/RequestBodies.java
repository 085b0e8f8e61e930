package dev.seq4j.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Reading request bodies: the JSON content type, the size cap (413) and strict UTF-8 (400). */
final class RequestBodies {
  private RequestBodies() {}

  /** Refuses with 415 a request whose {@code Content-Type} is not {@code application/json}. */
  static void requireJson(HttpExchange ex) {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Content-Type must be application/json, was " + type, null);
    }
  }

  /** The body, refused with 413 as soon as it is known to exceed {@code cap} bytes, as UTF-8. */
  static String read(HttpExchange ex, long cap) throws IOException {
    String declared = ex.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      long n;
      try {
        n = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw new ApiException(400, "Content-Length is not a number: " + declared, null);
      }
      if (n > cap) {
        throw new ApiException(
            413, "request body of " + n + " bytes is over the cap of " + cap, null);
      }
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try (InputStream in = ex.getRequestBody()) {
      int n;
      while ((n = in.read(chunk)) > 0) {
        if (buffer.size() + n > cap) {
          throw new ApiException(413, "request body is over the cap of " + cap + " bytes", null);
        }
        buffer.write(chunk, 0, n);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buffer.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new ApiException(400, "the request body is not valid UTF-8", null);
    }
  }
}
