package dev.seq4j.train;

import dev.seq4j.plot.LinePlot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code gradients.csv} (step, epoch, then the gradient norm of each parameter group, see {@link
 * GradientNorms}) and its chart {@code plots/gradients.png}: one line per group over the steps, on
 * a log scale, so a vanishing or exploding layer stands out.
 */
public final class GradientLog {
  /** The file name in the run directory. */
  public static final String FILE = "gradients.csv";

  private final Path csv;
  private final Path png;
  private MetricsLog log;

  /** A log writing {@code csv} and drawing {@code png}. */
  public GradientLog(Path csv, Path png) {
    this.csv = csv;
    this.png = png;
  }

  /** Appends the group norms of {@code step}. */
  public void append(long step, double epoch, Map<String, Double> groupNorms) throws IOException {
    if (log == null) {
      log = new MetricsLog(csv);
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("step", step);
    row.put("epoch", Math.round(epoch * 1000) / 1000.0);
    row.putAll(groupNorms);
    log.append(row);
  }

  /** Redraws the chart from the file (nothing when there is no row yet). */
  public void draw() throws IOException {
    if (!Files.exists(csv)) {
      return;
    }
    List<Map<String, Double>> rows = MetricsLog.read(csv);
    if (rows.isEmpty()) {
      return;
    }
    double[] steps = column(rows, "step");
    LinePlot chart =
        new LinePlot("Gradient norm per parameter group", "step", "‖gradient‖ (before clipping)")
            .logY()
            .noMarkers();
    for (String group : rows.get(0).keySet()) {
      if (!group.equals("step") && !group.equals("epoch")) {
        chart.add(group, steps, column(rows, group));
      }
    }
    Files.createDirectories(png.getParent());
    chart.writePng(png, 900, 560);
  }

  private static double[] column(List<Map<String, Double>> rows, String key) {
    return rows.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
  }
}
