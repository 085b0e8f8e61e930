package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Dropout;
import dev.seq4j.model.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * A deep unidirectional recurrent decoder. With {@code contextEveryStep} the encoder's context
 * vector c is concatenated to the embedded input at every step (Cho et al. 2014); otherwise it only
 * initialises the state (Sutskever et al. 2014).
 *
 * <pre>
 * s_t = RNN([y_{t-1}; c], s_{t-1})      top-layer s_t: (B, H)
 * </pre>
 */
public final class RnnDecoder {
  private final List<RnnLayer> layers = new ArrayList<>();
  private final double dropout;

  /** Registers the layers' weights as {@code NAME.l0.weight_ih} etc. */
  public RnnDecoder(Parameters params, String name, LayerStack stack) {
    for (int l = 0; l < stack.layers(); l++) {
      int in = l == 0 ? stack.input() : stack.hidden();
      String layer = name + ".l" + l;
      layers.add(new RnnLayer(RnnCell.create(stack.cell(), params, layer, in, stack.hidden())));
    }
    this.dropout = stack.dropout();
  }

  /**
   * Runs the decoder over embedded inputs {@code y} (B, T, E) from the states {@code init}.
   *
   * @param context (B, C) concatenated to every input step, or null
   * @return top-layer outputs (B, T, H) and the final state of each layer
   */
  public Decoded run(
      NDArray y, List<CellState> init, NDArray context, boolean training, RnnLayer.Mode mode) {
    NDArray input = y;
    if (context != null) {
      Shape s = y.getShape();
      NDArray ctx = context.expandDims(1).broadcast(s.get(0), s.get(1), context.getShape().get(1));
      input = NDArrays.concat(new NDList(y, ctx), 2); // (B, T, E + C)
    }
    List<CellState> last = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      if (l > 0) {
        input = Dropout.apply(input, dropout, training);
      }
      RnnLayer.LayerOutput out = layers.get(l).run(input, init.get(l), null, mode);
      last.add(out.last());
      input = out.outputs();
    }
    return new Decoded(input, last);
  }

  /** Top-layer outputs (B, T, H) and every layer's final state. */
  public record Decoded(NDArray outputs, List<CellState> states) {}
}
