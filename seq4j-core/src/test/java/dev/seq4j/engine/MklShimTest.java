package dev.seq4j.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's MKL shim (native/mkl_amd.c) changes which kernels run, not the results: a matrix
 * product with and without it agrees to float rounding.
 */
class MklShimTest {
  @Test
  void productsAreTheSameWithTheShim(@TempDir Path dir) throws Exception {
    Path source = Path.of("..", "native", "mkl_amd.c");
    assumeTrue(Files.exists(source), "native/mkl_amd.c beside the module");
    Path shim = dir.resolve("libshim.so");
    Process cc;
    try {
      cc =
          new ProcessBuilder(
                  "cc", "-O2", "-shared", "-fPIC", "-o", shim.toString(), source.toString())
              .inheritIO()
              .start();
    } catch (IOException noCompiler) {
      assumeTrue(false, "no C compiler");
      return;
    }
    assumeTrue(cc.waitFor() == 0, "the shim compiles");
    float[] plain = run(dir.resolve("plain.bin"), null);
    float[] shimmed = run(dir.resolve("shim.bin"), shim);
    assertEquals(plain.length, shimmed.length);
    for (int i = 0; i < plain.length; i++) {
      assertEquals(plain[i], shimmed[i], 1e-4 * Math.max(1, Math.abs(plain[i])), "element " + i);
    }
  }

  private static float[] run(Path out, Path preload) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                MatmulProbe.class.getName(),
                out.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    if (preload != null) {
      pb.environment().put("LD_PRELOAD", preload.toString());
    } else {
      pb.environment().remove("LD_PRELOAD");
    }
    Process p = pb.start();
    assertEquals(true, p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    try (DataInputStream in = new DataInputStream(Files.newInputStream(out))) {
      float[] values = new float[512 * 512];
      for (int i = 0; i < values.length; i++) {
        values[i] = in.readFloat();
      }
      return values;
    }
  }
}
