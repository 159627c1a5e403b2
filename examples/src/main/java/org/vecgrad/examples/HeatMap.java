package org.vecgrad.examples;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/** A heat map of values on a regular grid, written as PNG (XChart, headless). */
final class HeatMap {
  private HeatMap() {}

  /**
   * Writes {@code values[i][j]} at {@code (xs[i], ys[j])} as a heat map.
   *
   * @return the path written
   */
  static Path save(
      String title,
      String xLabel,
      String yLabel,
      double[] xs,
      double[] ys,
      double[][] values,
      Path file)
      throws IOException {
    System.setProperty("java.awt.headless", "true");
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(700)
            .height(600)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    List<String> xl = new ArrayList<>();
    List<String> yl = new ArrayList<>();
    for (double x : xs) {
      xl.add(String.format(Locale.ROOT, "%.2f", x));
    }
    for (double y : ys) {
      yl.add(String.format(Locale.ROOT, "%.2f", y));
    }
    List<Number[]> cells = new ArrayList<>();
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < xs.length; i++) {
      for (int j = 0; j < ys.length; j++) {
        cells.add(new Number[] {i, j, values[i][j]});
        min = Math.min(min, values[i][j]);
        max = Math.max(max, values[i][j]);
      }
    }
    chart.getStyler().setShowValue(false);
    chart.getStyler().setMin(min);
    chart.getStyler().setMax(max);
    chart
        .getStyler()
        .setRangeColors(
            new Color[] {
              new Color(0x30123b), new Color(0x1ae4b6), new Color(0xfaba39), new Color(0x7a0403)
            });
    chart.getStyler().setXAxisLabelRotation(90);
    chart.addSeries("objective", xl, yl, cells);
    Files.createDirectories(file.toAbsolutePath().getParent());
    String base = file.toString().replaceAll("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    return Path.of(base + ".png");
  }
}
