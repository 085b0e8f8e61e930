package dev.seq4j.model.rnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the encoder's final states into the decoder's initial states, layer by layer.
 *
 * <pre>
 * unidirectional:      s0_l = h_l
 * bidirectional sum:   s0_l = h_l(fwd) + h_l(bwd)
 * bidirectional fwd:   s0_l = h_l(fwd)
 * bidirectional linear: s0_l = tanh(W_l [h_l(fwd); h_l(bwd)] + b_l)   (the same, with its own W,
 *                      for the LSTM memory cell c)
 * </pre>
 */
public final class Bridge {
  /** How a bidirectional encoder's two final states become one. */
  public enum Kind {
    LINEAR,
    SUM,
    FORWARD
  }

  private final Kind kind;
  private final List<Linear> hMaps = new ArrayList<>();
  private final List<Linear> cMaps = new ArrayList<>();

  /** Registers {@code NAME.l0.h} (and {@code .c}) maps when the kind is LINEAR. */
  public Bridge(
      Parameters params,
      String name,
      Kind kind,
      boolean bidirectional,
      CellType type,
      int hidden,
      int layers) {
    this.kind = bidirectional ? kind : Kind.FORWARD;
    if (this.kind == Kind.LINEAR) {
      for (int l = 0; l < layers; l++) {
        hMaps.add(new Linear(params, name + ".l" + l + ".h", 2 * hidden, hidden, true));
        if (type.hasCell()) {
          cMaps.add(new Linear(params, name + ".l" + l + ".c", 2 * hidden, hidden, true));
        }
      }
    }
  }

  /** The decoder's initial state for each layer. */
  public List<CellState> apply(RnnEncoder.Encoded encoded) {
    List<CellState> init = new ArrayList<>();
    for (int l = 0; l < encoded.forward().size(); l++) {
      CellState f = encoded.forward().get(l);
      if (kind == Kind.FORWARD) {
        init.add(f);
        continue;
      }
      CellState b = encoded.backward().get(l);
      if (kind == Kind.SUM) {
        init.add(new CellState(f.h().add(b.h()), f.c() == null ? null : f.c().add(b.c())));
      } else {
        NDArray h = hMaps.get(l).apply(cat(f.h(), b.h())).tanh();
        NDArray c = f.c() == null ? null : cMaps.get(l).apply(cat(f.c(), b.c())).tanh();
        init.add(new CellState(h, c));
      }
    }
    return init;
  }

  private static NDArray cat(NDArray a, NDArray b) {
    return NDArrays.concat(new NDList(a, b), 1);
  }
}
