package dev.seq4j.plot;

import dev.seq4j.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An attention heatmap: one row per target token, one column per source token, darker = more
 * weight. Labels use the first installed font that can draw every label (for Korean, install e.g.
 * Debian's {@code fonts-nanum}), else the logical SansSerif font.
 */
public final class HeatmapPlot {
  private static final Logger LOG = LoggerFactory.getLogger(HeatmapPlot.class);
  private static volatile boolean warnedAboutFonts;

  static final int CELL = 28;

  private HeatmapPlot() {}

  /** Renders {@code weights[t][s]} with the given labels. */
  public static BufferedImage render(List<String> source, List<String> target, float[][] weights) {
    return render(source, target, weights, List.of());
  }

  /**
   * Renders {@code weights[t][s]} with the given labels and {@code caption} lines in the top-left
   * corner (e.g. what rows and columns are).
   */
  public static BufferedImage render(
      List<String> source, List<String> target, float[][] weights, List<String> caption) {
    source = drawable(source);
    target = drawable(target);
    Font font = fontFor(source, target);
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    FontMetrics fm = probe.createGraphics().getFontMetrics(font);
    int left =
        Math.max(
            10 + target.stream().mapToInt(fm::stringWidth).max().orElse(0),
            12 + caption.stream().mapToInt(fm::stringWidth).max().orElse(0));
    int top =
        Math.max(
            16 + source.stream().mapToInt(fm::stringWidth).max().orElse(0),
            12 + caption.size() * fm.getHeight());
    int width = left + CELL * source.size() + 10;
    int height = top + CELL * target.size() + 10;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setFont(font);
    for (int t = 0; t < target.size(); t++) {
      for (int s = 0; s < source.size(); s++) {
        g.setColor(shade(weights[t][s]));
        g.fillRect(left + s * CELL, top + t * CELL, CELL, CELL);
      }
      g.setColor(Color.BLACK);
      String label = target.get(t);
      g.drawString(
          label,
          left - 5 - fm.stringWidth(label),
          top + t * CELL + CELL / 2 + fm.getAscent() / 2 - 2);
    }
    for (int s = 0; s < source.size(); s++) {
      Graphics2D r = (Graphics2D) g.create();
      r.translate(left + s * CELL + CELL / 2 + fm.getAscent() / 2 - 2, top - 5);
      r.rotate(-Math.PI / 2);
      r.setColor(Color.BLACK);
      r.drawString(source.get(s), 0, 0);
      r.dispose();
    }
    g.setColor(Color.DARK_GRAY);
    for (int i = 0; i < caption.size(); i++) {
      g.drawString(caption.get(i), 6, 6 + fm.getAscent() + i * fm.getHeight());
    }
    g.setColor(Color.GRAY);
    g.drawRect(left, top, CELL * source.size(), CELL * target.size());
    g.dispose();
    return img;
  }

  /**
   * Labels as drawn: the joiner mark U+FFED (a token glued to the previous one, {@code ￭을}), which
   * few fonts have (Debian's Hangul fonts do not), is drawn as a middle dot ({@code ·을}).
   */
  static List<String> drawable(List<String> labels) {
    return labels.stream().map(l -> l.replace('\uFFED', '\u00B7')).toList();
  }

  /** White for weight 0 to dark blue for 1, monotone in the weight. */
  static Color shade(float w) {
    float v = Math.max(0, Math.min(1, w));
    return new Color(
        Math.round(255 - 247 * v), Math.round(255 - 207 * v), Math.round(255 - 148 * v));
  }

  /** Writes the heatmap as PNG, atomically. */
  public static void writePng(
      Path file, List<String> source, List<String> target, float[][] weights) throws IOException {
    writePng(file, source, target, weights, List.of());
  }

  /** Writes the heatmap with a caption as PNG, atomically. */
  public static void writePng(
      Path file, List<String> source, List<String> target, float[][] weights, List<String> caption)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(render(source, target, weights, caption), "png", out);
    AtomicFiles.write(file, out.toByteArray());
  }

  private static Font fontFor(List<String> source, List<String> target) {
    String all = String.join("", source) + String.join("", target);
    Font fallback = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    if (fallback.canDisplayUpTo(all) == -1) {
      return fallback;
    }
    for (String family :
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
      Font f = new Font(family, Font.PLAIN, 13);
      if (f.canDisplayUpTo(all) == -1) {
        return f;
      }
    }
    if (!warnedAboutFonts) {
      warnedAboutFonts = true;
      int bad = all.codePointAt(fallback.canDisplayUpTo(all));
      LOG.warn(
          "no installed font can draw '{}' (U+{}) in the heatmap labels: they show as boxes;"
              + " install a font that covers them (Korean on Debian: apt-get install fonts-nanum)",
          new String(Character.toChars(bad)),
          String.format("%04X", bad));
    }
    return fallback;
  }
}
