package dev.seq4j.model.charrnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.seq4j.model.Embedding;
import dev.seq4j.model.Linear;
import dev.seq4j.model.Parameters;
import dev.seq4j.model.rnn.CellState;
import dev.seq4j.model.rnn.CellType;
import dev.seq4j.model.rnn.RnnCell;
import dev.seq4j.model.rnn.RnnLayer;
import java.util.ArrayList;
import java.util.List;

/**
 * A character language model of names, read as {@code <BEGIN> c_1 … c_n <END>}:
 *
 * <pre>
 * h_0 = 0                         unconditioned
 * h_0 = N[nationality]            conditioned: the nationality's embedding (one H-slice per layer)
 * h_t = RNN(E[c_{t-1}], h_{t-1})  (GRU by default; layers with dropout between them)
 * p(c_t | c_&lt;t) = softmax(W · h_t + b)
 * </pre>
 */
public final class NameGenerator extends NamesModel {
  private final Embedding nationality;
  private final List<RnnLayer> layers = new ArrayList<>();
  private final Linear output;
  private final int hidden;
  private final CellType cellType;

  /** A generator over {@code vocabulary} characters, conditioned on {@code classes} labels. */
  public NameGenerator(CharRnnConfig m, int vocabulary, int classes, NDManager manager) {
    super(m, vocabulary, manager);
    Parameters params = parameters();
    this.cellType = m.cell();
    this.nationality =
        m.conditioned()
            ? new Embedding(params, "nationality", classes, m.layers() * m.hidden())
            : null;
    for (int l = 0; l < m.layers(); l++) {
      int in = l == 0 ? m.embedding() : m.hidden();
      layers.add(new RnnLayer(RnnCell.create(cellType, params, "rnn.l" + l, in, m.hidden())));
    }
    this.output = new Linear(params, "output", m.hidden(), vocabulary, true);
    this.hidden = m.hidden();
  }

  /** Whether the nationality initialises the hidden state. */
  public boolean conditioned() {
    return nationality != null;
  }

  /**
   * Next-character logits under teacher forcing.
   *
   * @param inputs {@code <BEGIN> c_1 … c_n} per row (B, T) int64, padded at the end
   * @param lengths true input lengths (n + 1)
   * @param labels each row's class id (used only when conditioned)
   * @param training applies dropout
   * @return (B, T, V)
   */
  public NDArray logits(NDArray inputs, int[] lengths, int[] labels, boolean training) {
    NDArray x = dropout(embed(inputs), training);
    List<CellState> state = initial(inputs.getManager(), labels, lengths.length);
    for (int l = 0; l < layers.size(); l++) {
      if (l > 0) {
        x = dropout(x, training);
      }
      x = layers.get(l).run(x, state.get(l), lengths, mode()).outputs();
    }
    return output.apply(dropout(x, training));
  }

  /** The state before the first character: zeros, or the nationalities' embeddings. */
  public List<CellState> initial(NDManager manager, int[] labels, int batch) {
    NDArray all = null;
    if (conditioned()) {
      if (labels == null || labels.length != batch) {
        throw new IllegalArgumentException("a conditioned generator needs one label per row");
      }
      all = nationality.lookup(manager.create(labels).toType(DataType.INT64, false)); // (B, L·H)
    }
    List<CellState> state = new ArrayList<>();
    for (int l = 0; l < layers.size(); l++) {
      NDArray h =
          all == null
              ? manager.zeros(new Shape(batch, hidden), DataType.FLOAT32)
              : all.get(new NDIndex(":, {}:{}", l * hidden, (l + 1) * hidden));
      state.add(new CellState(h, cellType.hasCell() ? h.zerosLike() : null));
    }
    return state;
  }

  /** One step: the previous characters (B) int64 → next-character logits (B, V), next state. */
  public Step step(NDArray previous, List<CellState> state) {
    NDArray x = embed(previous).expandDims(1); // (B, 1, E)
    List<CellState> next = new ArrayList<>(layers.size());
    for (int l = 0; l < layers.size(); l++) {
      RnnLayer.LayerOutput out = layers.get(l).run(x, state.get(l), null, mode());
      next.add(out.last());
      x = out.outputs();
    }
    return new Step(output.apply(x.squeeze(1)), next);
  }

  /** Logits of one step and the state after it. */
  public record Step(NDArray logits, List<CellState> state) {}
}
