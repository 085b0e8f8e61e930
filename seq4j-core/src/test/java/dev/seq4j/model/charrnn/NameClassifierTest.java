package dev.seq4j.model.charrnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.seq4j.model.rnn.RnnLayer;
import dev.seq4j.names.Fixtures;
import dev.seq4j.names.NameBatch;
import dev.seq4j.names.NamesBundle;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameClassifierTest {
  private static final List<String> NAMES = List.of("abc", "a", "cabbad", "dd", "bacab");

  @ParameterizedTest
  @CsvSource({"elman, false, 1", "lstm, true, 2", "gru, true, 1", "gru, false, 2"})
  void aPaddedBatchPredictsWhatEachNameAloneDoes(String cell, boolean bidirectional, int layers) {
    String model =
        "{cell: "
            + cell
            + ", embedding: 5, hidden: 7, layers: "
            + layers
            + ", bidirectional: "
            + bidirectional
            + ", mlpHidden: 6, dropout: 0.3}";
    try (NamesBundle b = Fixtures.bundle(Fixtures.config("classify", model, "{}"), "abcd");
        NDManager scope = b.manager().newSubManager()) {
      NameClassifier c = (NameClassifier) b.model();
      List<int[]> ids = NAMES.stream().map(b::encode).toList();
      NameBatch batch = new NameBatch(ids, new int[ids.size()]);
      NDArray padded = batch.ids(scope, b.chars().padId());
      assertEquals(6, padded.getShape().get(1));
      float[] together = c.logits(padded, batch.lengths(), false).toFloatArray();
      for (int i = 0; i < ids.size(); i++) {
        NameBatch one = new NameBatch(List.of(ids.get(i)), new int[1]);
        float[] alone =
            c.logits(one.ids(scope, b.chars().padId()), one.lengths(), false).toFloatArray();
        float[] row = java.util.Arrays.copyOfRange(together, i * 3, i * 3 + 3);
        assertArrayEquals(alone, row, 1e-5f, NAMES.get(i));
      }
      // the explicit cell formulas give the same logits as libtorch's fused kernels
      c.setMode(RnnLayer.Mode.EXPLICIT);
      float[] explicit = c.logits(padded, batch.lengths(), false).toFloatArray();
      assertArrayEquals(together, explicit, 1e-5f);
      // the prediction does depend on the characters
      NameBatch other = new NameBatch(List.of(b.encode("dcba")), new int[1]);
      assertNotEquals(
          c.logits(other.ids(scope, 0), other.lengths(), false).getFloat(0, 0), together[0]);
    }
  }
}
