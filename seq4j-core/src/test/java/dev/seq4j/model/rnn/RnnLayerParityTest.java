package dev.seq4j.model.rnn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.seq4j.engine.Engines;
import dev.seq4j.model.Parameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** libtorch's fused kernel and the explicit cell formulas give the same outputs and gradients. */
class RnnLayerParityTest {
  private static final int[] LENGTHS = {5, 3, 2};

  @ParameterizedTest
  @EnumSource(CellType.class)
  void fusedEqualsExplicitOnARaggedBatch(CellType type) {
    Engines.start();
    Engine.getInstance().setRandomSeed(7);
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      RnnLayer layer = new RnnLayer(RnnCell.create(type, params, "l", 4, 6));
      NDArray x = manager.randomNormal(new Shape(3, 5, 4));

      Run explicit = run(layer, params, x, RnnLayer.Mode.EXPLICIT);
      Run fused = run(layer, params, x, RnnLayer.Mode.FUSED);

      assertArrayEquals(explicit.values, fused.values, 1e-5f);
      assertEquals(explicit.gradients.size(), fused.gradients.size());
      for (int i = 0; i < explicit.gradients.size(); i++) {
        assertArrayEquals(explicit.gradients.get(i), fused.gradients.get(i), 1e-5f);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void stateFreezesAfterTheTrueLengthAndPaddedOutputsAreZero(CellType type) {
    Engines.start();
    try (NDManager manager = NDManager.newBaseManager()) {
      Parameters params = new Parameters(manager);
      RnnLayer layer = new RnnLayer(RnnCell.create(type, params, "l", 4, 6));
      NDArray x = manager.randomNormal(new Shape(3, 5, 4));
      for (RnnLayer.Mode mode : RnnLayer.Mode.values()) {
        RnnLayer.LayerOutput out = layer.run(x, layer.zeroState(manager, 3), LENGTHS, mode);
        for (int b = 0; b < 3; b++) {
          NDArray lastReal = out.outputs().get(new NDIndex("{}, {}", b, LENGTHS[b] - 1));
          assertArrayEquals(
              lastReal.toFloatArray(), out.last().h().get(b).toFloatArray(), 1e-6f, mode.name());
          NDArray padded = out.outputs().get(new NDIndex("{}, {}:", b, LENGTHS[b]));
          assertEquals(0f, padded.abs().sum().getFloat(), mode.name());
        }
      }
    }
  }

  private static Run run(RnnLayer layer, Parameters params, NDArray x, RnnLayer.Mode mode) {
    try (NDManager scope = x.getManager().newSubManager()) {
      List<float[]> gradients = new ArrayList<>();
      float[] values;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        RnnLayer.LayerOutput out = layer.run(x, layer.zeroState(scope, 3), LENGTHS, mode);
        NDArray loss = out.outputs().square().sum().add(out.last().h().sum());
        if (out.last().c() != null) {
          loss = loss.add(out.last().c().mul(2).sum());
        }
        values = out.outputs().toFloatArray();
        gc.backward(loss);
      }
      for (NDArray p : params.asMap().values()) {
        NDArray g = p.getGradient();
        gradients.add(g.toFloatArray());
        g.subi(g); // reset for the next run
      }
      return new Run(values, gradients);
    }
  }

  private record Run(float[] values, List<float[]> gradients) {}
}
