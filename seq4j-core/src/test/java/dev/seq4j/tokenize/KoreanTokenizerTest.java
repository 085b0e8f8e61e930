package dev.seq4j.tokenize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KoreanTokenizerTest {
  private final KoreanTokenizer tok = new KoreanTokenizer(false);

  @Test
  void segmentsMorphemesWithJoinerMarks() {
    List<String> t = tok.tokenize("파일을 열 수 없습니다.");
    assertEquals("파일", t.get(0));
    assertEquals("￭을", t.get(1));
    assertEquals("￭.", t.get(t.size() - 1));
    assertTrue(t.size() >= 6, t.toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "안녕하세요, 세계! 오늘은 2024년 5월 3일입니다.",
        "파일 %s을(를) 열 수 없습니다",
        "{0}개의 항목을 삭제하시겠습니까?",
        "Linux 커널 5.10 버전을 사용합니다.",
        "한국어와 English가 섞인 문장"
      })
  void roundTrips(String text) {
    assertEquals(text, tok.detokenize(tok.tokenize(text)));
  }

  @Test
  void nfdHangulJamoGivesTheSameTokensAsComposedSyllables() {
    String nfc = "한국어";
    String nfd = java.text.Normalizer.normalize(nfc, java.text.Normalizer.Form.NFD);
    assertEquals(tok.tokenize(nfc), tok.tokenize(nfd));
  }

  @Test
  void noTokenHoldsASpaceOfAnyKind() {
    for (String text :
        List.of("\"\u00a0파일\"", "열기\u3000저장", "a\u00a0b \u2003 c", "\"%s\u00a0\" 파일 ")) {
      for (String t : tok.tokenize(text)) {
        assertTrue(
            t.codePoints().noneMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)),
            "'" + t + "' in " + tok.tokenize(text));
      }
    }
    assertEquals(tok.tokenize("파일을 열기"), tok.tokenize("파일을\u00a0열기"));
  }
}
