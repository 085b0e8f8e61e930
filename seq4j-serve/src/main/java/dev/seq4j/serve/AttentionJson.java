package dev.seq4j.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.seq4j.translate.AttentionLayers;

/**
 * Attention weights as JSON, to 4 decimals: a matrix as rows of numbers, and a Transformer's layers
 * as {@code {"decoder_input": [...], "encoder_self": [layer][head][s][s'], "decoder_self":
 * [layer][head][t][t'], "cross": [layer][head][t][s]}} ({@link AttentionLayers}).
 */
final class AttentionJson {
  private AttentionJson() {}

  /** Appends the rows of {@code weights} to {@code out}. */
  static void matrix(ArrayNode out, float[][] weights) {
    for (float[] row : weights) {
      ArrayNode w = out.addArray();
      for (float v : row) {
        w.add(Math.round(v * 1e4) / 1e4);
      }
    }
  }

  /** Fills {@code o} with every layer and head of {@code layers}. */
  static void layers(ObjectNode o, AttentionLayers layers) {
    layers.decoderInput().forEach(o.putArray("decoder_input")::add);
    stack(o.putArray("encoder_self"), layers.encoderSelf());
    stack(o.putArray("decoder_self"), layers.decoderSelf());
    stack(o.putArray("cross"), layers.cross());
  }

  private static void stack(ArrayNode out, float[][][][] maps) {
    for (float[][][] layer : maps) {
      ArrayNode heads = out.addArray();
      for (float[][] head : layer) {
        matrix(heads.addArray(), head);
      }
    }
  }
}
