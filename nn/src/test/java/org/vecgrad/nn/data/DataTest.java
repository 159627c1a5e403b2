package org.vecgrad.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class DataTest {
  private static final Dataset DATA = Synthetic.blobs(103, 4, 3, 2.0, 5);

  private static int[] flatten(List<int[]> batches) {
    return batches.stream().flatMapToInt(IntStream::of).toArray();
  }

  @Test
  void minibatchesAreDeterministicBySeedAndCoverEverySampleOnce() {
    Minibatches a = new Minibatches(DATA, 10, true, 42);
    Minibatches b = new Minibatches(DATA, 10, true, 42);
    assertEquals(11, a.count());
    int[] e0 = flatten(a.indices(0));
    assertArrayEquals(e0, flatten(b.indices(0)));
    int[] sorted = e0.clone();
    Arrays.sort(sorted);
    assertArrayEquals(IntStream.range(0, 103).toArray(), sorted);
    assertEquals(3, a.indices(0).get(10).length); // last batch holds the remainder
    assertFalse(Arrays.equals(e0, flatten(a.indices(1))), "epochs should differ");
    assertFalse(
        Arrays.equals(e0, flatten(new Minibatches(DATA, 10, true, 43).indices(0))),
        "seeds should differ");
    // epoch 3 is the same whether or not epochs 0..2 were drawn first
    assertArrayEquals(
        flatten(a.indices(3)), flatten(new Minibatches(DATA, 10, true, 42).indices(3)));
  }

  @Test
  void batchesCarryTheSelectedRowsAndOneHotLabels() {
    Batch bt = DATA.batch(new int[] {5, 2}, DType.F32);
    assertEquals(DType.F32, bt.x().dtype());
    assertEquals((float) DATA.features().get(5, 1), bt.x().get(0, 1), 0);
    assertEquals(DATA.label(2), bt.labels()[1]);
    assertEquals(1.0, bt.oneHot().get(1, DATA.label(2)));
    assertEquals(1.0, Arrays.stream(bt.oneHot().toDoubleArray()).sum() / 2);
  }

  @Test
  void splitIsDisjointCompleteAndSeeded() {
    Dataset.Split s = DATA.split(0.2, 9);
    assertEquals(21, s.validation().size());
    assertEquals(82, s.train().size());
    Dataset.Split again = DATA.split(0.2, 9);
    assertEquals(s.validation().features(), again.validation().features());
    assertThrows(IllegalArgumentException.class, () -> DATA.split(1.0, 1));
  }

  @Test
  void oneHotRejectsOutOfRangeLabels() {
    assertEquals(
        Tensor.of(new double[][] {{0, 1, 0}, {1, 0, 0}}),
        OneHot.encode(new int[] {1, 0}, 3, DType.F64));
    assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {3}, 3, DType.F64));
  }

  @Test
  void standardizerCentresAndScalesUsingTrainingStatisticsOnly() {
    Tensor x = Tensor.of(new double[][] {{1, 5, 7}, {3, 5, 9}, {5, 5, 11}});
    Dataset d = new Dataset(x, new int[] {0, 1, 0}, 2);
    Standardizer st = Standardizer.fit(d);
    Dataset z = st.apply(d);
    double s = Math.sqrt(8.0 / 3);
    // column 1 is constant: centred, not divided by ~0
    Tensor expected = Tensor.of(new double[][] {{-2 / s, 0, -2 / s}, {0, 0, 0}, {2 / s, 0, 2 / s}});
    assertTrue(z.features().allClose(expected, 0, 1e-12), z.features().toString());
    Dataset other = new Dataset(Tensor.of(new double[][] {{3, 6, 9}}), new int[] {1}, 2);
    assertEquals(1.0, st.apply(other).features().get(0, 1), 1e-12);
    assertThrows(
        IllegalArgumentException.class,
        () -> st.apply(new Dataset(Tensor.zeros(1, 2), new int[] {0}, 2)));
  }

  @Test
  void datasetValidatesItsParts() {
    assertThrows(IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(3), new int[3], 2));
    assertThrows(
        IllegalArgumentException.class, () -> new Dataset(Tensor.zeros(2, 2), new int[3], 2));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new Dataset(Tensor.zeros(2, 2), new int[] {0, 5}, 2));
    assertTrue(e.getMessage().contains("label 5"), e.getMessage());
  }

  @Test
  void syntheticBlobsAreSeededAndBalanced() {
    Dataset a = Synthetic.blobs(60, 3, 3, 1.0, 1);
    assertEquals(a.features(), Synthetic.blobs(60, 3, 3, 1.0, 1).features());
    assertFalse(a.features().equals(Synthetic.blobs(60, 3, 3, 1.0, 2).features()));
    int[] counts = new int[3];
    for (int y : a.labels()) {
      counts[y]++;
    }
    assertArrayEquals(new int[] {20, 20, 20}, counts);
    assertEquals(Shape.of(60, 3), a.features().shape());
  }

  @Test
  void metricsCountArgmaxHits() {
    Tensor scores = Tensor.of(new double[][] {{0.1, 0.9}, {0.8, 0.2}, {0.3, 0.7}});
    assertEquals(2, Metrics.correct(scores, new int[] {1, 0, 0}));
  }
}
