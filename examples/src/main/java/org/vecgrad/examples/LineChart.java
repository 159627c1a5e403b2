package org.vecgrad.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A line chart written as PNG (XChart, headless), built series by series. */
public final class LineChart {
  private final XYChart chart;
  private final List<String> names = new ArrayList<>();

  /** A chart with a title and axis labels. */
  public LineChart(String title, String xLabel, String yLabel) {
    System.setProperty("java.awt.headless", "true");
    chart =
        new XYChartBuilder()
            .width(800)
            .height(500)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisDecimalPattern("#,###.##");
  }

  /** Adds a named series. */
  public LineChart series(String name, double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "LineChart.series " + name + ": " + x.length + " x values, " + y.length + " y values");
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    names.add(name);
    return this;
  }

  /** Uses a logarithmic y axis. */
  public LineChart logY() {
    chart.getStyler().setYAxisLogarithmic(true);
    return this;
  }

  /** Uses a logarithmic x axis (x values must be positive). */
  public LineChart logX() {
    chart.getStyler().setXAxisLogarithmic(true);
    return this;
  }

  /** Writes the PNG, creating the folder; returns the path written. */
  public Path save(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String base = file.toString().replaceAll("\\.png$", "");
    BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
    return Path.of(base + ".png");
  }
}
