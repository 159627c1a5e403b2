package org.vecgrad.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vecgrad.nn.Mlp;
import org.vecgrad.nn.io.ModelIO;

class TrainCommandTest {
  @TempDir Path dir;

  private static String[] run(String... args) {
    CliCapture cli = new CliCapture();
    int rc = cli.run(args);
    return new String[] {Integer.toString(rc), cli.out(), cli.err()};
  }

  @Test
  void trainsOnSyntheticDataWellAboveChanceAndWritesItsOutputs() throws Exception {
    String[] r =
        run(
            "train",
            "--dataset",
            "synthetic",
            "--epochs",
            "3",
            "--hidden",
            "32",
            "--batch",
            "64",
            "--lr",
            "0.01",
            "--out",
            dir.toString());
    assertEquals("0", r[0], r[1] + r[2]);
    Matcher m = Pattern.compile("test accuracy ([0-9.]+)%").matcher(r[1]);
    assertTrue(m.find(), r[1]);
    double acc = Double.parseDouble(m.group(1));
    assertTrue(acc > 60, "5 classes: chance is 20%, got " + acc + "%\n" + r[1]);
    assertTrue(r[1].contains("epoch 3/3"), r[1]);
    assertTrue(Files.size(dir.resolve("curves.png")) > 1000);
    assertEquals(4, Files.readAllLines(dir.resolve("history.csv")).size());
    Mlp reloaded = Mlp.builder(20, 32, 5).build();
    assertEquals(
        "synthetic", ModelIO.load(reloaded, dir.resolve("model.safetensors")).get("dataset"));
  }

  @Test
  void missingFashionMnistExplainsHowToInstallIt() {
    String[] r =
        run("train", "--data-dir", dir.resolve("nothing").toString(), "--out", dir.toString());
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("apt-get install dataset-fashion-mnist"), r[2]);
  }

  @Test
  void badOptionsAreNamed() {
    assertTrue(run("train", "--optimizer", "lbfgs")[2].contains("--optimizer"));
    assertTrue(run("train", "--hidden", "0")[2].contains("--hidden"));
    assertTrue(run("train", "--dataset", "cifar")[2].contains("--dataset"));
  }
}
