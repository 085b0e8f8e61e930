package dev.seq4j.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranslatorTest {
  @Test
  void replaceUnkCopiesTheMostAttendedSourceToken() {
    List<String> source = List.of("Der", "Zeppelin", "fliegt");
    List<String> output = List.of("The", "<unk>", "flies", "<unk>");
    float[][] weights = {
      {0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}, {0f, 0.2f, 0.8f}, {0.2f, 0.3f, 0.5f}
    };
    assertEquals(
        List.of("The", "Zeppelin", "flies", "fliegt"),
        Translator.replaceUnk(output, "<unk>", source, weights));
  }
}
