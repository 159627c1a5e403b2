package org.vecgrad.nn.train;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training and validation curves as one PNG (XChart, headless): loss per epoch on the left,
 * accuracy per epoch on the right.
 */
public final class CurvePlot {
  private static final int PANEL_W = 640;
  private static final int PANEL_H = 420;

  private CurvePlot() {}

  /**
   * Writes the curves of {@code history} to {@code png} (atomically: a temp file, then a rename).
   *
   * @throws IllegalArgumentException if the history is empty
   */
  public static void write(History history, String title, Path png) throws IOException {
    if (history.epochs().isEmpty()) {
      throw new IllegalArgumentException("CurvePlot.write: the history has no epochs");
    }
    System.setProperty("java.awt.headless", "true");
    XYChart loss = chart(title + " — loss", "loss");
    XYChart acc = chart(title + " — accuracy", "accuracy (%)");
    addSeries(loss, history, "train", EpochRecord::trainLoss, 1);
    addSeries(loss, history, "validation", EpochRecord::validationLoss, 1);
    addSeries(acc, history, "train", EpochRecord::trainAccuracy, 100);
    addSeries(acc, history, "validation", EpochRecord::validationAccuracy, 100);

    BufferedImage img = new BufferedImage(2 * PANEL_W, PANEL_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      loss.paint(g, PANEL_W, PANEL_H);
      g.translate(PANEL_W, 0);
      acc.paint(g, PANEL_W, PANEL_H);
    } finally {
      g.dispose();
    }
    Path dir = png.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, png.getFileName().toString(), ".tmp");
    try {
      ImageIO.write(img, "png", tmp.toFile());
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static XYChart chart(String title, String yLabel) {
    XYChart c =
        new XYChartBuilder()
            .width(PANEL_W)
            .height(PANEL_H)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yLabel)
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setXAxisDecimalPattern("0");
    return c;
  }

  private static void addSeries(
      XYChart chart, History h, String name, ToDoubleFunction<EpochRecord> f, double scale) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (EpochRecord r : h.epochs()) {
      double y = f.applyAsDouble(r);
      if (!Double.isNaN(y)) {
        xs.add((double) r.epoch());
        ys.add(scale * y);
      }
    }
    if (!xs.isEmpty()) {
      chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE);
    }
  }
}
