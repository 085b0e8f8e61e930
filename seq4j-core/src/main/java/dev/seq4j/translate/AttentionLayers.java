package dev.seq4j.translate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.transformer.AttentionMaps;
import dev.seq4j.model.transformer.TransformerSeq2Seq;
import dev.seq4j.tokenize.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Transformer translation's attention, every layer and head of each of its three attentions:
 * which source tokens each source token attends to (encoder self-attention), which earlier output
 * tokens each decoder position attends to (decoder self-attention) and which source tokens each
 * output token attends to (encoder–decoder attention). Arrays are indexed {@code
 * [layer][head][row][column]}, first layer first; each row sums to 1.
 *
 * <p>The decoder positions are what the decoder read: {@code <bos>} and then the output tokens, so
 * decoder position t holds output token t - 1, and its self-attention sees positions 0 … t only.
 * Row t of {@code cross} is the step that wrote output token t (reading position t): its head mean
 * in the last layer is the {@link Translator.Translation#attention()} of the default view.
 *
 * @param decoderInput {@code <bos>} and the output tokens as the vocabulary spells them (an {@code
 *     <unk>} stays {@code <unk>}): the rows and columns of {@code decoderSelf}; an output of {@code
 *     model.maxPositions} tokens leaves out its last, which has no position
 * @param encoderSelf {@code [layer][head][s][s']} over the source tokens
 * @param decoderSelf {@code [layer][head][t][t']} over {@code decoderInput}, 0 where t' > t
 * @param cross {@code [layer][head][t][s]}: output token t over the source tokens
 */
public record AttentionLayers(
    List<String> decoderInput,
    float[][][][] encoderSelf,
    float[][][][] decoderSelf,
    float[][][][] cross) {

  /** Copies the token list. */
  public AttentionLayers {
    decoderInput = List.copyOf(decoderInput);
  }

  /** The mean over heads of one layer's maps {@code [head][row][column]}. */
  public static float[][] meanOfHeads(float[][][] heads) {
    float[][] mean = new float[heads[0].length][heads[0][0].length];
    for (float[][] head : heads) {
      for (int i = 0; i < mean.length; i++) {
        for (int j = 0; j < mean[i].length; j++) {
          mean[i][j] += head[i][j] / heads.length;
        }
      }
    }
    return mean;
  }

  /**
   * The attention layers of each output {@code outputs[r]} (ids without {@code <bos>} and {@code
   * <eos>}) of source row {@code r} of {@code src} (B, S) with lengths {@code srcLengths}: one
   * teacher-forced pass of {@code model} over {@code <bos>} and the output, inside a sub-manager of
   * {@code manager}.
   */
  static List<AttentionLayers> of(
      TransformerSeq2Seq model,
      NDManager manager,
      long[][] src,
      int[] srcLengths,
      int[][] outputs,
      Vocabulary trg) {
    int positions = model.options().maxPositions();
    int width = Arrays.stream(outputs).mapToInt(o -> inputs(o, positions)).max().orElse(1);
    long[][] trgIn = new long[outputs.length][width];
    for (int r = 0; r < outputs.length; r++) {
      Arrays.fill(trgIn[r], trg.padId());
      trgIn[r][0] = trg.bosId();
      for (int t = 0; t + 1 < inputs(outputs[r], positions); t++) {
        trgIn[r][t + 1] = outputs[r][t];
      }
    }
    List<AttentionLayers> out = new ArrayList<>();
    try (NDManager scope = manager.newSubManager()) {
      AttentionMaps maps = model.attentionMaps(scope.create(src), srcLengths, scope.create(trgIn));
      List<Dense> encoder = maps.encoderSelf().stream().map(Dense::of).toList();
      List<Dense> decoder = maps.decoderSelf().stream().map(Dense::of).toList();
      List<Dense> cross = maps.cross().stream().map(Dense::of).toList();
      for (int r = 0; r < outputs.length; r++) {
        int s = srcLengths[r];
        int t = outputs[r].length;
        int in = inputs(outputs[r], positions);
        List<String> input = new ArrayList<>();
        input.add(trg.token(trg.bosId()));
        input.addAll(trg.decode(Arrays.copyOf(outputs[r], in - 1), false));
        out.add(
            new AttentionLayers(
                input, cut(encoder, r, s, s), cut(decoder, r, in, in), cut(cross, r, t, s)));
      }
    }
    return out;
  }

  /** How many decoder positions show {@code output}: {@code <bos>} and each token that has one. */
  private static int inputs(int[] output, int positions) {
    return Math.min(output.length + 1, positions);
  }

  /** Row {@code r}'s top-left {@code rows × columns} of each layer's (B, h, I, J) weights. */
  private static float[][][][] cut(List<Dense> layers, int r, int rows, int columns) {
    float[][][][] out = new float[layers.size()][][][];
    for (int l = 0; l < out.length; l++) {
      Dense d = layers.get(l);
      out[l] = new float[d.heads][rows][];
      for (int h = 0; h < d.heads; h++) {
        for (int i = 0; i < rows; i++) {
          int from = ((r * d.heads + h) * d.rows + i) * d.columns;
          out[l][h][i] = Arrays.copyOfRange(d.values, from, from + columns);
        }
      }
    }
    return out;
  }

  /** A (B, h, I, J) array's values, row-major, with its sizes. */
  private record Dense(float[] values, int heads, int rows, int columns) {
    static Dense of(NDArray a) {
      Shape s = a.getShape();
      return new Dense(a.toFloatArray(), (int) s.get(1), (int) s.get(2), (int) s.get(3));
    }
  }
}
