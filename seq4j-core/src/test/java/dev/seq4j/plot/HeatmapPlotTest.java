package dev.seq4j.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapPlotTest {
  @Test
  void cellsAreShadedByWeightAndACaptionMakesRoomForItself() {
    float[][] w = {{1f, 0f}, {0.5f, 0.5f}};
    List<String> labels = List.of("a", "b");
    BufferedImage plain = HeatmapPlot.render(labels, labels, w);
    BufferedImage captioned =
        HeatmapPlot.render(labels, labels, w, List.of("rows: true label", "columns: predicted"));
    assertTrue(captioned.getWidth() > plain.getWidth());
    assertTrue(captioned.getHeight() > plain.getHeight());
    // the cells sit at the bottom right: (0,0) at weight 1 is the darkest, (0,1) white
    int cell = HeatmapPlot.CELL;
    int left = plain.getWidth() - 10 - 2 * cell;
    int top = plain.getHeight() - 10 - 2 * cell;
    assertEquals(HeatmapPlot.shade(1f).getRGB(), plain.getRGB(left + cell / 2, top + cell / 2));
    assertEquals(Color.WHITE.getRGB(), plain.getRGB(left + cell + cell / 2, top + cell / 2));
    assertEquals(
        HeatmapPlot.shade(0.5f).getRGB(), plain.getRGB(left + cell / 2, top + cell + cell / 2));
  }

  @Test
  void theJoinerMarkIsDrawnAsAMiddleDot() {
    assertEquals(
        List.of("파일", "·을", "a·b", "plain"),
        HeatmapPlot.drawable(List.of("파일", "\uFFED을", "a\uFFEDb", "plain")));
  }
}
