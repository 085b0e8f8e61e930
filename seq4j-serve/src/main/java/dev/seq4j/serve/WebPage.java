package dev.seq4j.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The page served at {@code GET /}: one self-contained HTML file from the jar (no CDN). */
final class WebPage {
  private static final String HTML = load();

  private WebPage() {}

  static String html() {
    return HTML;
  }

  private static String load() {
    try (InputStream in = WebPage.class.getResourceAsStream("index.html")) {
      if (in == null) {
        throw new IllegalStateException("index.html is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
