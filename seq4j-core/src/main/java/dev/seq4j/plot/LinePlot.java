package dev.seq4j.plot;

import dev.seq4j.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** A line chart of one or more named series, written as PNG. NaN points are skipped. */
public final class LinePlot {
  private static final Color[] COLORS = {
    new Color(31, 119, 180),
    new Color(255, 127, 14),
    new Color(44, 160, 44),
    new Color(214, 39, 40),
    new Color(148, 103, 189),
    new Color(140, 86, 75),
    new Color(227, 119, 194),
    new Color(127, 127, 127),
    new Color(188, 189, 34),
    new Color(23, 190, 207)
  };
  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final List<Series> series = new ArrayList<>();
  private boolean legendBottom;
  private boolean logY;
  private boolean markers = true;

  /** A named series of points. */
  public record Series(String name, double[] x, double[] y) {}

  /** A chart with a title and axis labels. */
  public LinePlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  /** Puts the legend in the lower right corner (for rising curves); returns this chart. */
  public LinePlot legendBottom() {
    this.legendBottom = true;
    return this;
  }

  /**
   * Draws y on a log₁₀ scale (ticks at powers of ten; points at or below 0 are skipped); returns
   * this chart.
   */
  public LinePlot logY() {
    if (!series.isEmpty()) {
      throw new IllegalStateException("logY() must come before the first add()");
    }
    this.logY = true;
    return this;
  }

  /** Draws lines only, without a dot at each point (for long series); returns this chart. */
  public LinePlot noMarkers() {
    this.markers = false;
    return this;
  }

  /** Adds a series; returns this chart. */
  public LinePlot add(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("series '" + name + "': x and y differ in length");
    }
    series.add(new Series(name, x, logY ? log10(y) : y));
    return this;
  }

  /** Renders the chart. */
  public BufferedImage render(int width, int height) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    int left = 70;
    int right = width - 20;
    int top = 40;
    int bottom = height - 55;
    double[] xr = range(true);
    double[] yr = range(false);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    for (double v : Ticks.of(yr[0], yr[1], 6, logY)) {
      int py = (int) Math.round(bottom - (v - yr[0]) / (yr[1] - yr[0]) * (bottom - top));
      g.setColor(new Color(230, 230, 230));
      g.drawLine(left, py, right, py);
      g.setColor(Color.DARK_GRAY);
      String s = logY ? "1e" + (long) v : Ticks.label(v);
      g.drawString(s, left - 6 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
    }
    for (double v : Ticks.of(xr[0], xr[1], 8, integralX())) {
      int px = (int) Math.round(left + (v - xr[0]) / (xr[1] - xr[0]) * (right - left));
      g.setColor(new Color(230, 230, 230));
      g.drawLine(px, top, px, bottom);
      g.setColor(Color.DARK_GRAY);
      String s = Ticks.label(v);
      g.drawString(s, px - fm.stringWidth(s) / 2, bottom + fm.getHeight());
    }
    g.setColor(Color.BLACK);
    g.drawRect(left, top, right - left, bottom - top);
    g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, height - 12);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, 18);
    rotated.dispose();
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      g.setColor(COLORS[i % COLORS.length]);
      g.setStroke(new BasicStroke(2f));
      Path2D path = new Path2D.Double();
      boolean started = false;
      for (int k = 0; k < s.x.length; k++) {
        if (!Double.isFinite(s.x[k]) || !Double.isFinite(s.y[k])) {
          continue;
        }
        double px = left + (s.x[k] - xr[0]) / (xr[1] - xr[0]) * (right - left);
        double py = bottom - (s.y[k] - yr[0]) / (yr[1] - yr[0]) * (bottom - top);
        if (started) {
          path.lineTo(px, py);
        } else {
          path.moveTo(px, py);
          started = true;
        }
        if (markers) {
          g.fillOval((int) px - 3, (int) py - 3, 7, 7);
        }
      }
      g.draw(path);
    }
    drawLegend(g, fm, right, legendBottom ? bottom - 10 - 18 * series.size() : top + 8);
    g.dispose();
    return img;
  }

  private void drawLegend(Graphics2D g, FontMetrics fm, int right, int y) {
    int textWidth = series.stream().mapToInt(s -> fm.stringWidth(s.name)).max().orElse(0);
    int boxWidth = textWidth + 40;
    int x = right - boxWidth - 8;
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(x, y, boxWidth, 18 * series.size() + 6);
    g.setColor(Color.LIGHT_GRAY);
    g.drawRect(x, y, boxWidth, 18 * series.size() + 6);
    for (int i = 0; i < series.size(); i++) {
      int ly = y + 16 + i * 18;
      g.setColor(COLORS[i % COLORS.length]);
      g.fillRect(x + 6, ly - 5, 18, 4);
      g.setColor(Color.BLACK);
      g.drawString(series.get(i).name, x + 30, ly);
    }
  }

  /** Writes the chart as a PNG file, atomically. */
  public void writePng(Path file, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(render(width, height), "png", out);
    AtomicFiles.write(file, out.toByteArray());
  }

  private static double[] log10(double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] > 0 ? Math.log10(y[i]) : Double.NaN;
    }
    return out;
  }

  /** Whether every plotted x is a whole number (epochs evaluated at their ends): ticks then too. */
  private boolean integralX() {
    for (Series s : series) {
      for (double v : s.x) {
        if (Double.isFinite(v) && v != Math.rint(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private double[] range(boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      double[] v = x ? s.x : s.y;
      double[] other = x ? s.y : s.x;
      for (int i = 0; i < v.length; i++) {
        if (Double.isFinite(v[i]) && Double.isFinite(other[i])) {
          lo = Math.min(lo, v[i]);
          hi = Math.max(hi, v[i]);
        }
      }
    }
    if (!Double.isFinite(lo)) {
      return new double[] {0, 1};
    }
    if (logY && !x) {
      // whole decades, so the powers of ten label the axis
      return new double[] {Math.floor(lo), Math.max(Math.ceil(hi), Math.floor(lo) + 1)};
    }
    if (hi - lo < 1e-12) {
      double pad = Math.max(Math.abs(lo) * 0.1, 0.5);
      return new double[] {lo - pad, hi + pad};
    }
    double pad = x ? 0 : (hi - lo) * 0.05;
    return new double[] {lo - pad, hi + pad};
  }

  /** Nice tick positions and labels. */
  static final class Ticks {
    private Ticks() {}

    /**
     * About {@code target} evenly spaced round values in [lo, hi]; with {@code integral} only whole
     * numbers (steps 1, 2, 5, 10, 20, …), for an axis of whole epochs.
     */
    static List<Double> of(double lo, double hi, int target, boolean integral) {
      double raw = (hi - lo) / target;
      double mag = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = mag;
      double[] multiples = integral ? new double[] {1, 2, 5, 10} : new double[] {1, 2, 2.5, 5, 10};
      for (double m : multiples) {
        if (m * mag >= raw) {
          step = m * mag;
          break;
        }
      }
      if (integral) {
        step = Math.max(1, Math.rint(step));
      }
      List<Double> ticks = new ArrayList<>();
      for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
        ticks.add(Math.abs(v) < step * 1e-9 ? 0 : v);
      }
      return ticks;
    }

    static String label(double v) {
      if (v == Math.rint(v) && Math.abs(v) < 1e6) {
        return String.valueOf((long) v);
      }
      String t = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
      return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
  }
}
