package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep, optionally bidirectional recurrent encoder.
 *
 * <p>Layer l reads the outputs of layer l-1 (with dropout between layers during training). In a
 * bidirectional encoder each layer has a forward and a backward layer; the backward one reads each
 * sentence reversed within its own length, and the two outputs are concatenated, so the next layer
 * and the attention see (B, S, 2H). The final states of both directions are returned per layer;
 * {@link Bridge} turns them into the decoder's initial state.
 */
public final class RnnEncoder {
  private final List<RnnLayer> forward = new ArrayList<>();
  private final List<RnnLayer> backward = new ArrayList<>();
  private final double dropout;

  /** Registers the layers' weights as {@code NAME.l0.fwd.weight_ih} etc. */
  public RnnEncoder(Parameters params, String name, LayerStack stack, boolean bidirectional) {
    int directions = bidirectional ? 2 : 1;
    int hidden = stack.hidden();
    for (int l = 0; l < stack.layers(); l++) {
      int in = l == 0 ? stack.input() : directions * hidden;
      String layer = name + ".l" + l;
      forward.add(new RnnLayer(RnnCell.create(stack.cell(), params, layer + ".fwd", in, hidden)));
      if (bidirectional) {
        backward.add(
            new RnnLayer(RnnCell.create(stack.cell(), params, layer + ".bwd", in, hidden)));
      }
    }
    this.dropout = stack.dropout();
  }

  /** The number of layers. */
  public int layers() {
    return forward.size();
  }

  /** Whether the encoder reads in both directions. */
  public boolean bidirectional() {
    return !backward.isEmpty();
  }

  /**
   * Encodes embedded source tokens.
   *
   * @param x embeddings (B, S, E)
   * @param lengths true source lengths
   * @param training applies dropout between layers when true
   */
  public Encoded encode(NDArray x, int[] lengths, boolean training, RnnLayer.Mode mode) {
    return encode(x, lengths, training, mode, null);
  }

  /**
   * Like {@link #encode(NDArray, int[], boolean, RnnLayer.Mode)}, with {@code probe} (or null) on
   * the forward direction of its layer.
   *
   * @throws IllegalArgumentException when the probe names a layer the encoder does not have
   */
  public Encoded encode(
      NDArray x, int[] lengths, boolean training, RnnLayer.Mode mode, StateProbe probe) {
    checkLayer(probe);
    long batch = x.getShape().get(0);
    List<CellState> lastForward = new ArrayList<>();
    List<CellState> lastBackward = new ArrayList<>();
    NDArray input = x;
    for (int l = 0; l < forward.size(); l++) {
      if (l > 0) {
        input = Dropout.apply(input, dropout, training);
      }
      RnnLayer fl = forward.get(l);
      CellState zero = fl.zeroState(x.getManager(), batch);
      RnnLayer.LayerOutput f =
          probe != null && probe.layer() == l
              ? fl.run(input, zero, lengths, probe)
              : fl.run(input, zero, lengths, mode); // (B, S, H)
      lastForward.add(f.last());
      NDArray out = f.outputs();
      if (bidirectional()) {
        RnnLayer bl = backward.get(l);
        NDArray reversed = Sequences.reverseWithin(input, lengths);
        RnnLayer.LayerOutput b =
            bl.run(reversed, bl.zeroState(x.getManager(), batch), lengths, mode);
        lastBackward.add(b.last());
        NDArray bOut = Sequences.reverseWithin(b.outputs(), lengths); // (B, S, H)
        out = NDArrays.concat(new NDList(out, bOut), 2); // (B, S, 2H)
      }
      input = out;
    }
    return new Encoded(input, lastForward, bidirectional() ? lastBackward : List.of());
  }

  private void checkLayer(StateProbe probe) {
    if (probe != null && (probe.layer() < 0 || probe.layer() >= forward.size())) {
      throw new IllegalArgumentException(
          "encoder layer "
              + (probe.layer() + 1)
              + " does not exist: the encoder has "
              + forward.size()
              + (forward.size() == 1 ? " layer" : " layers"));
    }
  }

  /**
   * The encoder's result.
   *
   * @param outputs top-layer outputs (B, S, D·H), zero at padded positions
   * @param forward per layer, the forward state after each sentence's last token
   * @param backward per layer, the backward state after reading back to the first token (empty when
   *     unidirectional)
   */
  public record Encoded(NDArray outputs, List<CellState> forward, List<CellState> backward) {}
}
