package dev.seq4j.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/** Child process of {@link MklShimTest}: writes a deterministic 512×512 product to a file. */
public final class MatmulProbe {
  private MatmulProbe() {}

  /** args: output file. */
  public static void main(String[] args) throws IOException {
    try (NDManager m = Engines.start().newBaseManager();
        DataOutputStream out = new DataOutputStream(new FileOutputStream(args[0]))) {
      NDArray a =
          m.arange(512 * 512)
              .toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
              .mul(0.001)
              .sin()
              .reshape(512, 512);
      NDArray b = a.transpose().cos();
      for (float f : a.matMul(b).toFloatArray()) {
        out.writeFloat(f);
      }
    }
  }
}
