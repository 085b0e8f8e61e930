package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Korean → English from a JSON corpus, with the inputs real users type. */
class KoreanCliTest {
  @TempDir Path dir;

  private static final String[][] NOUNS = {
    {"파일", "file"}, {"폴더", "folder"}, {"창", "window"}, {"문서", "document"},
    {"이미지", "image"}, {"프로젝트", "project"}, {"사진", "photo"}, {"메시지", "message"}
  };
  private static final String[][] VERBS = {
    {"%s 열기", "Open %s"},
    {"%s 저장", "Save %s"},
    {"%s 삭제", "Delete %s"},
    {"%s 닫기", "Close %s"},
    {"%s을(를) 찾을 수 없습니다", "Cannot find %s"}
  };

  @Test
  void mixedScriptsEmojiDecomposedHangulAndEmptyLinesKeepTheLineCount() throws IOException {
    Path train = dir.resolve("train.json");
    List<Map<String, String>> pairs = new ArrayList<>();
    for (String[] n : NOUNS) {
      for (String[] v : VERBS) {
        pairs.add(Map.of("ko", v[0].replace("%s", n[0]), "en", v[1].replace("%s", n[1])));
      }
    }
    new ObjectMapper().writeValue(train.toFile(), Map.of("data", pairs));
    Path config = dir.resolve("ko-en.yaml");
    Files.writeString(
        config,
        "name: ko-en-tiny\n"
            + "data: {train: "
            + train
            + ", valid: "
            + train
            + ", format: json, src: ko, trg: en, srcTokenizer: korean, trgTokenizer: word}\n"
            + "model: {type: rnn, cell: gru, embedding: 16, hidden: 32, attention: general}\n"
            + "train: {epochs: 3, batchSize: 8, learningRate: 0.01}\n");
    Path run = dir.resolve("run");
    CliRunner.Result r =
        CliRunner.run("train", "--config", config.toString(), "--out", run.toString());
    assertEquals(0, r.exit(), r.err());

    String nfd = Normalizer.normalize("문서 삭제", Normalizer.Form.NFD);
    List<String> input =
        List.of(
            "파일 열기",
            "",
            "Linux 커널 파일 열기 (x86_64) — v5.10",
            "사진 저장 😀👍🏽 🇰🇷",
            nfd,
            "   \t ",
            "日本語 テキスト 中文 Ελληνικά",
            "파일\u200d열기\u200b",
            "파일 ".repeat(300).strip(),
            "문서 삭제");
    assertTrue(!nfd.equals("문서 삭제"), "the test really feeds decomposed jamo");
    Path in = dir.resolve("in.txt");
    Files.writeString(in, String.join("\n", input) + "\n");
    Path out = dir.resolve("out.txt");
    Path maps = dir.resolve("maps");
    r =
        CliRunner.run(
            "translate",
            "--model",
            run.toString(),
            "--input",
            in.toString(),
            "--output",
            out.toString(),
            "--attention",
            maps.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> lines = Files.readAllLines(out);
    assertEquals(input.size(), lines.size());
    assertEquals("", lines.get(1));
    assertEquals("", lines.get(5));
    assertEquals(lines.get(9), lines.get(4), "NFD Hangul translates like its NFC form");
    Map<?, ?> first = new ObjectMapper().readValue(maps.resolve("000001.json").toFile(), Map.class);
    assertEquals(List.of("파일", "열기"), first.get("source"));
    assertTrue(Files.size(maps.resolve("000004.png")) > 0);
  }
}
