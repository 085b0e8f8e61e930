package dev.seq4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.seq4j.engine.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakTest {
  /** One fp32 figure, finite and positive, named as compare.sh expects it beside the peer's. */
  @Test
  void p0MeasuresTheFp32ProductRate() {
    try (NDManager m = Engines.start().newBaseManager()) {
      List<Workloads.Result> results = Peak.p0(m, 128);
      assertEquals(1, results.size());
      Workloads.Result r = results.get(0);
      assertEquals("p0_matmul", r.name());
      assertEquals("GFLOP/s", r.metric());
      assertTrue(Double.isFinite(r.value()) && r.value() > 0, r.summary());
      assertTrue(r.summary().startsWith("P0 matmul 128x128 fp32: "), r.summary());
    }
  }
}
