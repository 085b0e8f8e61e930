package dev.seq4j.spark;

import dev.seq4j.translate.TranslationBundle;
import dev.seq4j.translate.Translator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Translates one string column of a dataset on the executors, with the CLI's decoder: each task
 * loads the model once, reads its partition in chunks, and translates each chunk in length-sorted
 * batches ({@link Translator}). Every input row comes out, in order, with two more columns: {@code
 * translation} and {@code error}. An empty text gives an empty translation; a row that cannot be
 * translated (a null, or an error in its chunk traced to it) gets a null translation and the
 * error's message instead of failing the job.
 */
public final class DistributedTranslation {
  /** Rows translated together: large enough for full batches, small enough for memory. */
  static final int CHUNK = 1024;

  private DistributedTranslation() {}

  /**
   * The dataset with {@code translation} and {@code error} columns added.
   *
   * @param column the string column to translate
   * @param modelDir a model directory every executor can read (a shared path, or shipped with
   *     {@code --files}/{@code --archives})
   * @param decodeOverrides {@code decode.KEY=VALUE} settings, as {@code seq4j translate --set}
   */
  public static Dataset<Row> translate(
      Dataset<Row> input, String column, String modelDir, List<String> decodeOverrides) {
    StructType in = input.schema();
    int index = in.fieldIndex(column);
    if (!in.fields()[index].dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException(
          "column '" + column + "' must hold strings, holds " + in.fields()[index].dataType());
    }
    for (String name : List.of("translation", "error")) {
      if (List.of(in.fieldNames()).contains(name)) {
        throw new IllegalArgumentException(
            "the input already has a column '" + name + "': rename it first");
      }
    }
    StructType out =
        in.add("translation", DataTypes.StringType, true).add("error", DataTypes.StringType, true);
    List<String> overrides = List.copyOf(decodeOverrides);
    MapPartitionsFunction<Row, Row> f =
        rows -> new Chunks(rows, ExecutorModels.model(modelDir, overrides), index);
    return input.mapPartitions(f, Encoders.row(out));
  }

  /** Pulls a chunk of rows, translates it, hands the rows back out with their results. */
  private static final class Chunks implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final Translator translator;
    private final int column;
    private final List<Row> ready = new ArrayList<>();
    private int next;

    Chunks(Iterator<Row> rows, TranslationBundle bundle, int column) {
      this.rows = rows;
      this.translator = new Translator(bundle, bundle.config().decode());
      this.column = column;
    }

    @Override
    public boolean hasNext() {
      if (next < ready.size()) {
        return true;
      }
      ready.clear();
      next = 0;
      List<Row> chunk = new ArrayList<>(CHUNK);
      while (chunk.size() < CHUNK && rows.hasNext()) {
        chunk.add(rows.next());
      }
      if (chunk.isEmpty()) {
        return false;
      }
      translate(chunk);
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.get(next++);
    }

    private void translate(List<Row> chunk) {
      List<String> texts = new ArrayList<>(chunk.size());
      for (Row r : chunk) {
        texts.add(r.isNullAt(column) ? "" : r.getString(column));
      }
      List<String> out;
      try {
        out = translator.translate(texts);
      } catch (RuntimeException e) {
        out = null; // find the row(s) at fault one by one
      }
      for (int i = 0; i < chunk.size(); i++) {
        Row r = chunk.get(i);
        String translation = null;
        String error = null;
        if (r.isNullAt(column)) {
          error = "null input";
        } else if (out != null) {
          translation = out.get(i);
        } else {
          try {
            translation = translator.translate(List.of(texts.get(i))).get(0);
          } catch (RuntimeException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
          }
        }
        ready.add(append(r, translation, error));
      }
    }

    private static Row append(Row r, String translation, String error) {
      Object[] values = new Object[r.length() + 2];
      for (int i = 0; i < r.length(); i++) {
        values[i] = r.get(i);
      }
      values[r.length()] = translation;
      values[r.length() + 1] = error;
      return RowFactory.create(values);
    }
  }
}
