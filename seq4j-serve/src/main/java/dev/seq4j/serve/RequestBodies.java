package dev.seq4j.serve;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reading request bodies: the JSON content type (415) and strict UTF-8 (400 naming the byte offset
 * of the first bad byte). The size cap (413) is enforced while the body arrives, by {@link
 * HttpConnection}.
 */
final class RequestBodies {
  private RequestBodies() {}

  /** Refuses with 415 a request whose {@code Content-Type} is not {@code application/json}. */
  static void requireJson(Call call) {
    String type = call.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(415, "Content-Type must be application/json, was " + type, null);
    }
  }

  /** The body as UTF-8, refused with 400 at the first malformed byte. */
  static String utf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      throw new ApiException(
          400, "the request body is not valid UTF-8 (at byte offset " + in.position() + ")", null);
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
