package dev.seq4j.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownWordsTest {
  @Test
  void eachUnkBecomesTheMostAttendedSourceToken() {
    List<String> source = List.of("Der", "Zeppelin", "fliegt");
    List<String> output = List.of("The", "<unk>", "flies", "<unk>");
    float[][] weights = {
      {0.9f, 0.05f, 0.05f}, {0.1f, 0.8f, 0.1f}, {0f, 0.2f, 0.8f}, {0.2f, 0.3f, 0.5f}
    };
    assertEquals(
        List.of("The", "Zeppelin", "flies", "fliegt"),
        UnknownWords.replace(output, "<unk>", source, weights, false));
  }

  @Test
  void withBpeTheWholeSourceWordIsCopiedWhicheverPieceWasAttended() {
    // "Der Zeppelin fliegt." in pieces: Zeppelin is three pieces, the period is glued to fliegt
    List<String> source = List.of("Der", "Ze@@", "ppel@@", "in", "flieg@@", "t", "\uFFED.");
    List<String> output = List.of("The", "<unk>", "<unk>", "<unk>", "<unk>");
    float[][] weights = {
      {0.9f, 0, 0, 0, 0, 0, 0.1f},
      {0.1f, 0.7f, 0.1f, 0.1f, 0, 0, 0}, // the first piece
      {0, 0.1f, 0.2f, 0.7f, 0, 0, 0}, // the last piece
      {0, 0, 0, 0, 0.2f, 0.8f, 0}, // the last piece of another word
      {0, 0, 0, 0, 0, 0.1f, 0.9f} // a one-piece token glued to the one before
    };
    assertEquals(
        List.of("The", "Zeppelin", "Zeppelin", "fliegt", "."),
        UnknownWords.replace(output, "<unk>", source, weights, true));
    // without BPE each token stands alone (its @@ is not a BPE mark)
    assertEquals(
        List.of("The", "Ze@@", "in", "t", "."),
        UnknownWords.replace(output, "<unk>", source, weights, false));
  }

  @Test
  void aMiddlePieceAndADanglingLastPieceGiveTheirWord() {
    List<String> source = List.of("ab@@", "cd@@", "ef", "gh@@");
    assertEquals("abcdef", UnknownWords.word(source, 1, true));
    assertEquals("gh", UnknownWords.word(source, 3, true));
    assertEquals("abcdef", UnknownWords.word(source, 0, true));
  }
}
