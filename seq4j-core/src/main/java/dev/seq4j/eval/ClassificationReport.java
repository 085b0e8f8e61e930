package dev.seq4j.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accuracy, per-class precision, recall and F1, macro F1 and the confusion matrix of predicted
 * against true labels. A class never predicted has precision 0, one never present has recall 0
 * (scikit-learn's {@code zero_division=0}); macro F1 averages F1 over the classes that occur in the
 * gold labels or the predictions.
 *
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record ClassificationReport(List<String> labels, int[][] confusion) {

  /** The report of {@code predicted} against {@code gold} (class ids into {@code labels}). */
  public static ClassificationReport of(List<String> labels, int[] gold, int[] predicted) {
    if (gold.length != predicted.length) {
      throw new IllegalArgumentException(
          "gold and predicted differ in count: " + gold.length + " vs " + predicted.length);
    }
    int[][] m = new int[labels.size()][labels.size()];
    for (int i = 0; i < gold.length; i++) {
      m[gold[i]][predicted[i]]++;
    }
    return new ClassificationReport(List.copyOf(labels), m);
  }

  /** Number of examples. */
  public int total() {
    int n = 0;
    for (int[] row : confusion) {
      for (int v : row) {
        n += v;
      }
    }
    return n;
  }

  /** Share of examples predicted right (NaN with none). */
  public double accuracy() {
    int right = 0;
    for (int c = 0; c < confusion.length; c++) {
      right += confusion[c][c];
    }
    return total() == 0 ? Double.NaN : right / (double) total();
  }

  /** Examples of class {@code c}. */
  public int support(int c) {
    int n = 0;
    for (int v : confusion[c]) {
      n += v;
    }
    return n;
  }

  private int predictedAs(int c) {
    int n = 0;
    for (int[] row : confusion) {
      n += row[c];
    }
    return n;
  }

  /** Precision of class {@code c}: right among those predicted as c (0 when none were). */
  public double precision(int c) {
    int p = predictedAs(c);
    return p == 0 ? 0 : confusion[c][c] / (double) p;
  }

  /** Recall of class {@code c}: right among the examples of c (0 when there are none). */
  public double recall(int c) {
    int s = support(c);
    return s == 0 ? 0 : confusion[c][c] / (double) s;
  }

  /** F1 of class {@code c}: the harmonic mean of its precision and recall (0 when both are 0). */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** The mean F1 over the classes that occur in the gold labels or the predictions. */
  public double macroF1() {
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < confusion.length; c++) {
      if (support(c) > 0 || predictedAs(c) > 0) {
        sum += f1(c);
        classes++;
      }
    }
    return classes == 0 ? Double.NaN : sum / classes;
  }

  /** Each row of the confusion matrix divided by its sum (rows without examples stay 0). */
  public float[][] rowNormalised() {
    float[][] out = new float[confusion.length][confusion.length];
    for (int t = 0; t < confusion.length; t++) {
      int s = support(t);
      for (int p = 0; p < confusion.length; p++) {
        out[t][p] = s == 0 ? 0 : confusion[t][p] / (float) s;
      }
    }
    return out;
  }

  /** Every figure as a JSON-ready map: accuracy, macro F1, per-class figures, the matrix. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("examples", total());
    m.put("accuracy", accuracy());
    m.put("macro_f1", macroF1());
    List<Map<String, Object>> classes = new ArrayList<>();
    for (int c = 0; c < labels.size(); c++) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", labels.get(c));
      row.put("precision", precision(c));
      row.put("recall", recall(c));
      row.put("f1", f1(c));
      row.put("support", support(c));
      classes.add(row);
    }
    m.put("classes", classes);
    m.put("labels", labels);
    m.put("confusion", confusion);
    return m;
  }

  /** The matrix as CSV: a header of predicted labels, then one row per true label. */
  public String confusionCsv() {
    StringBuilder sb = new StringBuilder("true\\predicted");
    for (String l : labels) {
      sb.append(',').append(l);
    }
    sb.append('\n');
    for (int t = 0; t < labels.size(); t++) {
      sb.append(labels.get(t));
      for (int v : confusion[t]) {
        sb.append(',').append(v);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
