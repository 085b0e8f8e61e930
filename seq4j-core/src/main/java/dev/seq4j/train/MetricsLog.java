package dev.seq4j.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seq4j.io.AtomicFiles;
import dev.seq4j.io.DiskFull;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code metrics.csv}: one row per evaluation, columns fixed by the first row, flushed at once so a
 * crash keeps every finished row; {@code metrics.json}: the final figures, written atomically.
 */
public final class MetricsLog {
  private final Path csv;
  private List<String> columns;

  /** A log appending to {@code csv} (columns are read back when the file exists: resume). */
  public MetricsLog(Path csv) throws IOException {
    this.csv = csv;
    if (Files.exists(csv)) {
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      if (!lines.isEmpty()) {
        columns = List.of(lines.get(0).split(",", -1));
      }
    }
  }

  /** Appends a row; a column missing from {@code row} is left empty, an unknown one is an error. */
  public void append(Map<String, ?> row) throws IOException {
    if (columns == null) {
      columns = List.copyOf(row.keySet());
      Files.createDirectories(csv.toAbsolutePath().getParent());
      Files.writeString(csv, String.join(",", columns) + "\n", StandardCharsets.UTF_8);
    }
    for (String k : row.keySet()) {
      if (!columns.contains(k)) {
        throw new IllegalArgumentException(csv + ": column '" + k + "' is not among " + columns);
      }
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Object v = row.get(columns.get(i));
      line.append(i == 0 ? "" : ",").append(format(v));
    }
    try (Writer w =
        Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
      w.write(line.append('\n').toString());
    } catch (IOException e) {
      throw DiskFull.naming(csv, e, "the rows before it are kept");
    }
  }

  /**
   * Drops the rows after {@code step} (the {@code step} column), atomically: on resume they were
   * written after the checkpoint the run continues from and would be written again.
   *
   * @return how many rows were dropped (0 when there is no file or no {@code step} column)
   */
  public static int truncateAfter(Path csv, long step) throws IOException {
    if (!Files.exists(csv)) {
      return 0;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    int column = lines.isEmpty() ? -1 : List.of(lines.get(0).split(",", -1)).indexOf("step");
    if (column < 0) {
      return 0;
    }
    StringBuilder kept = new StringBuilder(lines.get(0)).append('\n');
    int dropped = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      if (!line.isEmpty() && column < cells.length && Double.parseDouble(cells[column]) > step) {
        dropped++;
      } else if (!line.isEmpty()) {
        kept.append(line).append('\n');
      }
    }
    if (dropped > 0) {
      AtomicFiles.write(csv, kept.toString());
    }
    return dropped;
  }

  private static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.isNaN(d) ? "" : String.format(Locale.ROOT, "%.6g", d);
    }
    return v.toString();
  }

  /** Reads a metrics CSV back: one map per row (empty cells are NaN). */
  public static List<Map<String, Double>> read(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Map<String, Double>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    String[] header = lines.get(0).split(",", -1);
    for (int r = 1; r < lines.size(); r++) {
      if (lines.get(r).isEmpty()) {
        continue;
      }
      String[] cells = lines.get(r).split(",", -1);
      Map<String, Double> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        String c = i < cells.length ? cells[i] : "";
        double value;
        try {
          value = c.isEmpty() ? Double.NaN : Double.parseDouble(c);
        } catch (NumberFormatException e) {
          value = Double.NaN;
        }
        row.put(header[i], value);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Writes {@code figures} as pretty JSON to {@code file}, atomically. */
  public static void writeJson(Path file, Map<String, ?> figures) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(file, mapper.writeValueAsString(figures) + "\n");
  }
}
