package dev.seq4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code translate --attention DIR --attention-kind …} on a tiny Transformer with two encoder
 * layers, one decoder layer and two heads: every layer and head in N.json, the chosen heatmaps.
 */
class AttentionKindCliTest {
  @TempDir static Path dir;
  private static Path run;

  @BeforeAll
  static void train() throws IOException {
    run =
        TinyRun.train(
            dir,
            "tr",
            5,
            100,
            20,
            "",
            "type: transformer, dModel: 16, heads: 2, ffn: 32, encoderLayers: 2, decoderLayers: 1",
            "epochs: 1, batchSize: 32");
  }

  private static CliRunner.Result translate(Path maps, String... more) throws IOException {
    Path input = Files.writeString(dir.resolve("in.txt"), "a b c\n\nd e a b\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "translate",
                "--model",
                run.toString(),
                "--input",
                input.toString(),
                "--output",
                dir.resolve("out.txt").toString(),
                "--attention",
                maps.toString()));
    args.addAll(List.of(more));
    return CliRunner.run(args.toArray(String[]::new));
  }

  private static float[][] matrix(JsonNode rows) {
    float[][] out = new float[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      out[i] = new float[rows.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) rows.get(i).get(j).asDouble();
      }
    }
    return out;
  }

  @Test
  void selfAttentionHeatmapsAndEveryLayerAndHeadInTheJson() throws IOException {
    Path maps = dir.resolve("maps");
    CliRunner.Result r = translate(maps, "--attention-kind", "encoder,decoder");
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = new ObjectMapper().readTree(maps.resolve("000003.json").toFile());
    int s = doc.get("source").size();
    int n = doc.get("target").size();
    assertEquals(4, s);
    assertTrue(n > 0, "the model wrote something");
    JsonNode layers = doc.get("layers");
    assertEquals("<bos>", layers.at("/decoder_input/0").asText());
    assertEquals(n + 1, layers.get("decoder_input").size());
    assertEquals(2, layers.get("encoder_self").size(), "two encoder layers");
    assertEquals(1, layers.get("decoder_self").size(), "one decoder layer");
    for (JsonNode layer : layers.get("encoder_self")) {
      assertEquals(2, layer.size(), "two heads");
      for (JsonNode head : layer) {
        assertEquals(s, head.size());
        for (float[] row : matrix(head)) {
          assertEquals(s, row.length);
          double sum = 0;
          for (float w : row) {
            sum += w;
          }
          assertEquals(1, sum, 1e-5);
        }
      }
    }
    for (JsonNode head : layers.at("/decoder_self/0")) {
      float[][] m = matrix(head);
      assertEquals(n + 1, m.length);
      for (int i = 0; i <= n; i++) {
        for (int j = i + 1; j <= n; j++) {
          assertEquals(0f, m[i][j], 0f, "causal at " + i + "," + j);
        }
      }
    }
    // the step weights (last layer, mean of heads) are the mean of the last layer's cross maps
    float[][] h0 = matrix(layers.at("/cross/0/0"));
    float[][] h1 = matrix(layers.at("/cross/0/1"));
    float[][] weights = matrix(doc.get("weights"));
    assertEquals(n, weights.length);
    for (int t = 0; t < n; t++) {
      float[] mean = new float[s];
      for (int i = 0; i < s; i++) {
        mean[i] = (h0[t][i] + h1[t][i]) / 2;
      }
      assertArrayEquals(weights[t], mean, 1e-5f);
    }
    BufferedImage encoder = ImageIO.read(maps.resolve("000003.encoder.png").toFile());
    assertTrue(encoder.getWidth() >= s * 28 && encoder.getHeight() >= s * 28, "s × s cells");
    BufferedImage decoder = ImageIO.read(maps.resolve("000003.decoder.png").toFile());
    assertTrue(decoder.getHeight() >= (n + 1) * 28, "one row per decoder position");
    assertFalse(Files.exists(maps.resolve("000003.png")), "cross was not asked for");
    assertFalse(Files.exists(maps.resolve("000002.json")), "an empty line has no map");
  }

  @Test
  void theLayerIsCheckedAgainstEachStackDrawn() throws IOException {
    Path maps = dir.resolve("one");
    CliRunner.Result r =
        translate(
            maps, "--attention-kind", "encoder", "--attention-layer", "1", "--attention-head", "0");
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.exists(maps.resolve("000001.encoder.png")));
    r = translate(maps, "--attention-kind", "encoder,decoder", "--attention-layer", "1");
    assertEquals(2, r.exit());
    assertEquals(
        "seq4j: error: --attention-layer must be in [-1, 0] for decoder self-attention, was 1\n",
        r.err());
    r = translate(maps, "--attention-kind", "decoder", "--attention-head", "2");
    assertEquals(
        "seq4j: error: --attention-head must be in [-1, 1] for decoder self-attention, was 2\n",
        r.err());
    r = translate(maps, "--attention-kind", "self");
    assertEquals(2, r.exit());
    assertTrue(
        r.err().contains("'self' is not an attention kind (cross, encoder or decoder)"), r.err());
  }
}
