package dev.seq4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogTextTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "_Open File…|Open File…",
        "파일 열기(_O)...|파일 열기...",
        "열기 (&O)|열기",
        "&Save &As|Save As",
        "Search && Replace|Search & Replace",
        "R&D and file_name|R&D and file_name",
        "<b>Warning:</b> disk <i>almost</i> full|Warning: disk almost full",
        "<span weight=\"bold\">%s</span> copied|%s copied",
        "Usage: cp <file> <dir>|Usage: cp <file> <dir>",
        "Tom &amp; Jerry &lt;3 &#233;t&#xE9; &unknown;|Tom & Jerry <3 été &unknown;",
        "Line one\\nline two\\t\\\"quoted\\\"|Line one line two \"quoted\"",
        "  many   spaces\u00a0here  |many spaces here",
      })
  void cleans(String raw, String clean) {
    assertEquals(clean, CatalogText.clean(raw));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Copy %s to %s|%s을(를) %s(으)로 복사|true",
        "%1$s of %2$d|%2$d 중 %1$s|true",
        "{0} files in {1}|{1}에 파일 {0}개|true",
        "%d files|파일 %s개|false",
        "%d files|파일 개|false",
        "50% done|50% 완료|true",
      })
  void placeholdersMatchInAnyOrder(String en, String ko, boolean match) {
    assertEquals(match, CatalogText.placeholdersMatch(en, ko));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Open File…|open file", "Save:|save", "Quit!|quit"})
  void sourceKeysIgnoreCaseAndTrailingPunctuation(String s, String key) {
    assertEquals(key, CatalogText.sourceKey(s));
    assertTrue(CatalogText.words(s) > 0);
    assertFalse(CatalogText.sourceKey(s).isEmpty());
  }
}
