package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.seq4j.model.attention.AttentionKind;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnConfig;
import dev.seq4j.names.NamesConfig;
import dev.seq4j.translate.TranslationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every committed example configuration loads: no unknown key, no bad value. */
class ExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void everyExampleLoads() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertTrue(files.size() >= 11, files.toString());
    for (Path f : files) {
      assertDoesNotThrow(
          () ->
              ConfigLoader.load(
                  f,
                  List.of(),
                  s ->
                      RunConfig.task(s) == RunConfig.Task.TRANSLATE
                          ? TranslationConfig.read(s)
                          : NamesConfig.read(s)),
          f.toString());
    }
  }

  /** The source's model and training, with the departures examples/KO-EN.md lists pinned too. */
  @Test
  void koreanSeedPresetIsTheSourceRecipe() {
    TranslationConfig c = TranslationConfig.load(EXAMPLES.resolve("ko-en-seed.yaml"), List.of());
    RnnConfig model = (RnnConfig) c.model();
    assertEquals(
        List.of(CellType.LSTM, 256, 512, 1, false, RnnConfig.Context.INIT, AttentionKind.NONE),
        List.of(
            model.cell(),
            model.embedding(),
            model.hidden(),
            model.layers(),
            model.bidirectional(),
            model.context(),
            model.attention()));
    assertEquals(DataConfig.Format.JSON, c.data().format());
    assertEquals(DataConfig.TokenizerKind.KOREAN, c.data().srcTokenizer()); // Nori, not Kiwi
    assertTrue(c.data().lowercase(), "a lowercased target (a departure)");
    assertEquals(1, c.train().batchSize());
    assertEquals(0.001, c.train().learningRate());
    assertEquals(0.9, c.train().momentum());
    assertEquals(20, c.train().epochs());
    assertEquals(20, c.decode().maxLength());
  }
}
