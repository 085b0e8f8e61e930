package dev.seq4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Any record is written key by key, in declaration order, with YAML spellings of its values. */
class ConfigWriterTest {
  /** A record no writer knows about, as a new model family's would be. */
  public record Toy(
      String label,
      int width,
      double rate,
      boolean on,
      Kind kind,
      Inner inner,
      List<String> order) {
    /** A choice. */
    public enum Kind {
      EVERY_STEP,
      NONE
    }
  }

  /** A nested record, written as a flow mapping. */
  public record Inner(String a, long b) {}

  @Test
  void writesEveryComponentWithItsYamlSpelling() {
    Toy toy =
        new Toy(
            "say \"hi\"\n",
            3,
            1e-3,
            true,
            Toy.Kind.EVERY_STEP,
            new Inner(null, 7),
            List.of("pad", "unk"));
    assertEquals(
        "toy:\n"
            + "  label: \"say \\\"hi\\\"\\n\"\n"
            + "  width: 3\n"
            + "  rate: 0.001\n"
            + "  on: true\n"
            + "  kind: every-step\n"
            + "  inner: {a: null, b: 7}\n"
            + "  order: [pad, unk]\n",
        ConfigWriter.section("toy", toy));
    assertEquals("seed: 42\n", ConfigWriter.entry("seed", 42L));
    assertEquals("  kind: none\n", ConfigWriter.field("kind", Toy.Kind.NONE));
  }
}
