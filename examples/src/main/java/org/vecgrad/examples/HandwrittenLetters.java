package org.vecgrad.examples;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Handwritten capital letters, 30×30 pixels, as in lecture 000's data set of 520 letters: each
 * letter is drawn in a handwriting font (Debian's fonts-bwht, fonts-breip, fonts-dkg-handwriting,
 * fonts-femkeklaver, fonts-humor-sans) under a random rotation, scaling, shear and shift, with a
 * little pixel noise. Different fonts stand for different writers, so a test set drawn from fonts
 * not seen in training measures generalisation to new handwriting.
 *
 * <p>Without those packages it falls back to the JDK's logical fonts and says so.
 */
final class HandwrittenLetters {
  /** Side of a letter image in pixels. */
  static final int SIDE = 30;

  /** Number of classes (A–Z). */
  static final int CLASSES = 26;

  /** Writers used for training. */
  static final List<String> TRAIN_FONTS =
      List.of(
          "/usr/share/fonts/opentype/bwht/BecauseWeLearn-Regular.otf",
          "/usr/share/fonts/opentype/bwht/BecauseWeOrganize-Regular.otf",
          "/usr/share/fonts/opentype/bwht/BecauseWeMentor-Regular.otf",
          "/usr/share/fonts/opentype/bwht/BecauseWeConnect-Regular.otf",
          "/usr/share/fonts/opentype/bwht/BecauseWeBuild-Regular.otf",
          "/usr/share/fonts/opentype/bwht/BecauseWeCreate-Regular.otf",
          "/usr/share/fonts/truetype/fifthhorseman/dkg.ttf",
          "/usr/share/fonts/truetype/breip/Breip.ttf");

  /** Writers held out for testing. */
  static final List<String> TEST_FONTS =
      List.of(
          "/usr/share/fonts/truetype/femkeklaver/femkeklaver.ttf",
          "/usr/share/fonts/truetype/humor-sans/Humor-Sans.ttf",
          "/usr/share/fonts/truetype/fifthhorseman/dkgIt.ttf");

  /** The apt command that installs the handwriting fonts. */
  static final String INSTALL =
      "apt-get install fonts-bwht fonts-breip fonts-dkg-handwriting fonts-femkeklaver"
          + " fonts-humor-sans";

  /** A set of letter images: {@code [count, 900]} pixels in [0, 1] and labels 0–25. */
  static final class Set {
    final Tensor images;
    final int[] labels;

    Set(Tensor images, int[] labels) {
      this.images = images;
      this.labels = labels;
    }
  }

  private final List<Font> train;
  private final List<Font> test;
  private final boolean realHandwriting;

  private HandwrittenLetters(List<Font> train, List<Font> test, boolean real) {
    this.train = train;
    this.test = test;
    this.realHandwriting = real;
  }

  /** Loads the handwriting fonts, or the JDK's logical fonts when they are not installed. */
  static HandwrittenLetters load() {
    List<Font> tr = loadFonts(TRAIN_FONTS);
    List<Font> te = loadFonts(TEST_FONTS);
    if (tr.size() >= 2 && !te.isEmpty()) {
      return new HandwrittenLetters(tr, te, true);
    }
    List<Font> logical = new ArrayList<>();
    for (String name : new String[] {Font.SERIF, Font.SANS_SERIF, Font.MONOSPACED, Font.DIALOG}) {
      logical.add(new Font(name, Font.PLAIN, 24));
    }
    return new HandwrittenLetters(logical.subList(0, 3), logical.subList(3, 4), false);
  }

  /** True when real handwriting fonts were found. */
  boolean realHandwriting() {
    return realHandwriting;
  }

  /** Number of training and test writers. */
  String describe() {
    return (realHandwriting
            ? "handwriting fonts"
            : "JDK logical fonts (handwriting fonts missing: " + INSTALL + ")")
        + ": "
        + train.size()
        + " writers for training, "
        + test.size()
        + " held out";
  }

  /** One clean, centred rendering of each letter by the first writer: lecture 000's matrix A. */
  Set perfectLetters() {
    double[] px = new double[CLASSES * SIDE * SIDE];
    int[] labels = new int[CLASSES];
    for (int c = 0; c < CLASSES; c++) {
      draw(train.get(0), (char) ('A' + c), new AffineTransform(), px, c * SIDE * SIDE);
      labels[c] = c;
    }
    return new Set(Tensor.of(Shape.of(CLASSES, SIDE * SIDE), px), labels);
  }

  /** {@code perLetter} distorted samples of every letter, from the training or held-out writers. */
  Set sample(int perLetter, boolean heldOut, long seed) {
    List<Font> fonts = heldOut ? test : train;
    SplittableRandom rng = new SplittableRandom(seed);
    int n = perLetter * CLASSES;
    double[] px = new double[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % CLASSES;
      labels[i] = c;
      Font f = fonts.get(rng.nextInt(fonts.size()));
      draw(f, (char) ('A' + c), distortion(rng), px, i * SIDE * SIDE);
      for (int p = 0; p < SIDE * SIDE; p++) {
        double v = px[i * SIDE * SIDE + p] + 0.05 * rng.nextGaussian();
        px[i * SIDE * SIDE + p] = Math.min(1, Math.max(0, v));
      }
    }
    return new Set(Tensor.of(Shape.of(n, SIDE * SIDE), px), labels);
  }

  private static AffineTransform distortion(SplittableRandom rng) {
    AffineTransform t = new AffineTransform();
    t.translate(rng.nextDouble(-2, 2), rng.nextDouble(-2, 2));
    t.rotate(Math.toRadians(rng.nextDouble(-12, 12)));
    t.shear(rng.nextDouble(-0.2, 0.2), 0);
    double s = rng.nextDouble(0.8, 1.1);
    t.scale(s, s);
    return t;
  }

  /** Draws the letter centred in a SIDE×SIDE box under {@code t}; writes intensities in [0, 1]. */
  private static void draw(Font font, char letter, AffineTransform t, double[] out, int offset) {
    BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      GlyphVector gv =
          font.deriveFont(24f).createGlyphVector(g.getFontRenderContext(), String.valueOf(letter));
      Rectangle2D box = gv.getVisualBounds();
      double fit = 22 / Math.max(box.getWidth(), box.getHeight());
      AffineTransform place = new AffineTransform();
      place.translate(SIDE / 2.0, SIDE / 2.0);
      place.concatenate(t);
      place.scale(fit, fit);
      place.translate(-box.getCenterX(), -box.getCenterY());
      g.setTransform(place);
      g.setColor(java.awt.Color.WHITE);
      g.fill(gv.getOutline());
    } finally {
      g.dispose();
    }
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        out[offset + y * SIDE + x] = (img.getRaster().getSample(x, y, 0)) / 255.0;
      }
    }
  }

  private static List<Font> loadFonts(List<String> paths) {
    List<Font> fonts = new ArrayList<>();
    for (String p : paths) {
      Path path = Path.of(p);
      if (!Files.isRegularFile(path)) {
        continue;
      }
      try {
        fonts.add(Font.createFont(Font.TRUETYPE_FONT, path.toFile()));
      } catch (FontFormatException | IOException e) {
        // an unreadable font is skipped; the others still make a data set
      }
    }
    return fonts;
  }

  /** Writes a grid of letter images as a PNG (for looking at the data). */
  static void savePreview(Set set, int count, Path file) throws IOException {
    int cols = Math.min(count, 26);
    int rows = (count + cols - 1) / cols;
    BufferedImage img =
        new BufferedImage(cols * (SIDE + 2), rows * (SIDE + 2), BufferedImage.TYPE_BYTE_GRAY);
    double[] px = set.images.readF64();
    for (int i = 0; i < count; i++) {
      int ox = (i % cols) * (SIDE + 2);
      int oy = (i / cols) * (SIDE + 2);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int v = (int) Math.round(255 * px[i * SIDE * SIDE + y * SIDE + x]);
          img.getRaster().setSample(ox + x, oy + y, 0, v);
        }
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    javax.imageio.ImageIO.write(img, "png", file.toFile());
  }
}
