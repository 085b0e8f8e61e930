package dev.seq4j.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.NoSuchElementException;

/**
 * Streams {@code {"data":[{"ko":"…","en":"…"}, …]}} (the AI-Hub layout of the source document)
 * without building a tree of the whole file; other top-level keys and extra fields are skipped.
 */
final class JsonCorpusReader implements ParallelCorpus.Reader {
  private final Path file;
  private final String srcField;
  private final String trgField;
  private final JsonParser parser;
  private long entry;
  private SentencePair next;
  private boolean done;

  JsonCorpusReader(Path file, String srcField, String trgField) {
    this.file = file;
    this.srcField = srcField;
    this.trgField = trgField;
    try {
      InputStream in = Files.newInputStream(file);
      this.parser = new JsonFactory().createParser(in);
      seekData();
    } catch (NoSuchFileException e) {
      throw new CorpusException(file + ": no such file");
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void seekData() throws IOException {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw error("expected a JSON object with a \"data\" array");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("data".equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          throw error("\"data\" must be an array");
        }
        return;
      }
      parser.skipChildren();
    }
    throw error("no \"data\" array");
  }

  @Override
  public boolean hasNext() {
    if (next == null && !done) {
      next = read();
    }
    return next != null;
  }

  @Override
  public SentencePair next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    SentencePair p = next;
    next = null;
    return p;
  }

  private SentencePair read() {
    try {
      JsonToken t = parser.nextToken();
      if (t == JsonToken.END_ARRAY) {
        done = true;
        return null;
      }
      entry++;
      if (t != JsonToken.START_OBJECT) {
        throw error("data[" + (entry - 1) + "] must be an object");
      }
      String src = null;
      String trg = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken v = parser.nextToken();
        if (name.equals(srcField) || name.equals(trgField)) {
          if (v != JsonToken.VALUE_STRING) {
            throw error("data[" + (entry - 1) + "]." + name + " must be a string");
          }
          String text = Normalizer.normalize(parser.getText(), Normalizer.Form.NFC);
          if (name.equals(srcField)) {
            src = text;
          } else {
            trg = text;
          }
        } else {
          parser.skipChildren();
        }
      }
      if (src == null || trg == null) {
        throw error(
            "data["
                + (entry - 1)
                + "] has no \""
                + (src == null ? srcField : trgField)
                + "\" field");
      }
      return new SentencePair(src, trg, entry);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CorpusException error(String problem) {
    return new CorpusException(file + ":" + parser.currentLocation().getLineNr() + ": " + problem);
  }

  private CorpusException malformed(JsonProcessingException e) {
    int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    return new CorpusException(file + ":" + line + ": malformed JSON: " + e.getOriginalMessage());
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
