package org.vecgrad.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.Parameter;
import org.vecgrad.nn.data.Dataset;
import org.vecgrad.nn.data.Synthetic;
import org.vecgrad.nn.loss.Hinge;
import org.vecgrad.nn.loss.Reduction;
import org.vecgrad.nn.loss.SoftmaxCrossEntropy;
import org.vecgrad.nn.optim.Adam;
import org.vecgrad.nn.optim.EarlyStopping;
import org.vecgrad.nn.optim.LearningRateSchedule;
import org.vecgrad.nn.optim.Momentum;
import org.vecgrad.nn.optim.Sgd;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

class TrainerTest {
  private static final Dataset.Split DATA = Synthetic.blobs(600, 8, 4, 1.0, 3).split(0.25, 1);

  @TempDir Path dir;

  @Test
  void adamLearnsTheBlobsWellAboveChance() {
    Mlp m = Mlp.builder(8, 16, 4).seed(1).build();
    double before =
        Evaluation.of(m, new SoftmaxCrossEntropy(), DATA.validation(), 64, DType.F64).accuracy();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    History h =
        Trainer.builder(m, new SoftmaxCrossEntropy(), new Adam(0.01))
            .epochs(8)
            .batchSize(32)
            .seed(7)
            .log(new PrintStream(log, true, StandardCharsets.UTF_8))
            .build()
            .fit(DATA.train(), DATA.validation());
    assertEquals(8, h.epochs().size());
    assertTrue(h.last().validationAccuracy() > 0.85, "val acc " + h.last().validationAccuracy());
    assertTrue(h.last().validationAccuracy() > before + 0.3, "before " + before);
    assertTrue(h.last().trainLoss() < h.epochs().get(0).trainLoss());
    String text = log.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("epoch 8/8") && text.contains("val loss"), text);
  }

  @Test
  void sameSeedSameRun() {
    double[] finalLoss = new double[2];
    for (int r = 0; r < 2; r++) {
      Mlp m = Mlp.builder(8, 8, 4).seed(1).build();
      finalLoss[r] =
          Trainer.builder(m, new SoftmaxCrossEntropy(), new Momentum(0.05, 0.9))
              .epochs(2)
              .seed(3)
              .build()
              .fit(DATA.train(), null)
              .last()
              .trainLoss();
    }
    assertEquals(finalLoss[0], finalLoss[1], 0.0);
  }

  @Test
  void hingeLossAndF32TrainingWork() {
    Mlp m = Mlp.builder(8, 16, 4).dtype(DType.F32).seed(2).build();
    History h =
        Trainer.builder(m, new Hinge(Reduction.MEAN), new Sgd(0.05))
            .epochs(5)
            .batchSize(16)
            .build()
            .fit(DATA.train(), DATA.validation());
    assertEquals(DType.F32, m.parameters().get(0).value().dtype());
    assertTrue(h.last().validationAccuracy() > 0.8, "val acc " + h.last().validationAccuracy());
  }

  @Test
  void earlyStoppingStopsAndRestoresTheBestEpoch() {
    Mlp m = Mlp.builder(8, 8, 4).seed(1).build();
    SplittableRandom rng = new SplittableRandom(5);
    // a "training" step that only adds noise: validation loss wanders, so it must stop early
    TrainingStep noise =
        (model, loss, batch) -> {
          for (Parameter p : model.parameters()) {
            double[] d = p.value().toDoubleArray();
            for (int i = 0; i < d.length; i++) {
              d[i] += 0.05 * rng.nextGaussian();
            }
            p.set(Tensor.wrap(p.value().shape(), d));
          }
          return new StepResult(1.0, 0, batch.size());
        };
    History h =
        Trainer.builder(m, new SoftmaxCrossEntropy(), noise)
            .epochs(50)
            .batchSize(100)
            .earlyStopping(new EarlyStopping(2, 0))
            .build()
            .fit(DATA.train(), DATA.validation());
    assertTrue(h.stoppedEarly());
    assertTrue(h.epochs().size() < 50);
    int best = h.bestEpoch();
    double bestLoss = h.epochs().get(best - 1).validationLoss();
    for (EpochRecord r : h.epochs()) {
      assertTrue(r.validationLoss() >= bestLoss);
    }
    // the model now holds the best epoch's parameters
    double now =
        Evaluation.of(m, new SoftmaxCrossEntropy(), DATA.validation(), 1024, DType.F64).loss();
    assertEquals(bestLoss, now, 1e-12);
    assertEquals(h.epochs().size(), best + 2);
  }

  @Test
  void earlyStoppingRestoresTheBestEpochAfterInPlaceUpdates() {
    // the best epoch's snapshot must be a copy: in-place steps retire the values they replace
    Mlp m = Mlp.builder(8, 8, 4).seed(1).build();
    History h =
        Trainer.builder(
                m,
                new SoftmaxCrossEntropy(),
                new Sgd(2.0).updateInPlace(true)) // too large: wanders
            .epochs(30)
            .batchSize(50)
            .earlyStopping(new EarlyStopping(2, 0))
            .build()
            .fit(DATA.train(), DATA.validation());
    double bestLoss = h.epochs().get(h.bestEpoch() - 1).validationLoss();
    double now =
        Evaluation.of(m, new SoftmaxCrossEntropy(), DATA.validation(), 1024, DType.F64).loss();
    assertEquals(bestLoss, now, 1e-12);
  }

  @Test
  void scheduleSetsTheRatePerEpochAndRestoresTheBase() {
    Adam adam = new Adam(0.01);
    History h =
        Trainer.builder(Mlp.builder(8, 4).build(), new SoftmaxCrossEntropy(), adam)
            .epochs(3)
            .schedule(LearningRateSchedule.stepDecay(1, 0.5))
            .build()
            .fit(DATA.train(), null);
    assertEquals(0.01, h.epochs().get(0).learningRate(), 1e-15);
    assertEquals(0.0025, h.epochs().get(2).learningRate(), 1e-15);
    assertEquals(0.01, adam.learningRate(), 0);
  }

  @Test
  void divergingLossStopsWithAClearMessage() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                Trainer.builder(
                        Mlp.builder(8, 64, 4).seed(1).build(),
                        new SoftmaxCrossEntropy(),
                        new Sgd(1e6))
                    .epochs(3)
                    .build()
                    .fit(DATA.train(), null));
    assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
  }

  @Test
  void earlyStoppingWithoutValidationIsRejected() {
    Trainer t =
        Trainer.builder(Mlp.builder(8, 4).build(), new SoftmaxCrossEntropy(), new Sgd(0.1))
            .earlyStopping(new EarlyStopping(1, 0))
            .build();
    assertThrows(IllegalArgumentException.class, () -> t.fit(DATA.train(), null));
  }

  @Test
  void curvePlotWritesATwoPanelPng() throws IOException {
    History h =
        Trainer.builder(Mlp.builder(8, 4).build(), new SoftmaxCrossEntropy(), new Adam(0.01))
            .epochs(3)
            .build()
            .fit(DATA.train(), DATA.validation());
    Path png = dir.resolve("out/curves.png");
    CurvePlot.write(h, "blobs", png);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1280, img.getWidth());
    assertEquals(420, img.getHeight());
    assertTrue(h.toCsv().startsWith("epoch,train_loss"));
    assertEquals(4, h.toCsv().split("\n").length);
  }

  @Test
  void logProgressPrintsPlainLines() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    LogProgress p = new LogProgress(new PrintStream(buf, true, StandardCharsets.UTF_8), 4);
    p.start("epoch 1/1", 10);
    for (int k = 1; k <= 10; k++) {
      p.update(k, "loss 0.5");
    }
    p.finish();
    String s = buf.toString(StandardCharsets.UTF_8);
    assertEquals(4, s.split("\n").length, s);
    assertFalse(s.contains("\r") || s.contains("\u001b"), s);
    assertTrue(s.contains("epoch 1/1: 100% (10/10) loss 0.5"), s);
  }

  @Test
  void terminalProgressRedrawsOneLineInPlace() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    TerminalProgress p = new TerminalProgress(new PrintStream(buf, true, StandardCharsets.UTF_8));
    p.start("epoch 1/1", 3);
    for (int k = 1; k <= 3; k++) {
      p.update(k, "loss 0.5");
    }
    p.finish();
    String s = buf.toString(StandardCharsets.UTF_8);
    assertTrue(s.contains("\r") && s.contains("100%") && s.contains("3/3"), s);
    // no cursor-up escapes: the bar never draws over the epoch lines printed after it
    assertFalse(s.contains("\u001b[1A"), s);
  }
}
