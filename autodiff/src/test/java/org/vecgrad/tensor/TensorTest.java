package org.vecgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Construction, reading and the errors of shapes and tensors. */
class TensorTest {

  @Test
  void factoriesBuildWhatTheySay() {
    assertEquals(Shape.SCALAR, Tensor.scalar(3).shape());
    assertEquals(3, Tensor.scalar(3).item(), 0);
    assertArrayEquals(new double[] {0, 1, 2, 3}, Tensor.arange(4).toDoubleArray(), 0);
    assertArrayEquals(new double[] {1, 0, 0, 1}, Tensor.eye(2).toDoubleArray(), 0);
    Tensor m = Tensor.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
    assertEquals(Shape.of(2, 3), m.shape());
    assertEquals(6, m.get(1, 2), 0);
    assertEquals(5, m.reshape(3, 2).get(2, 0), 0);
    assertEquals(Tensor.randn(Shape.of(5), 7), Tensor.randn(Shape.of(5), 7), "seeded");
    assertFalse(Tensor.randn(Shape.of(5), 7).equals(Tensor.randn(Shape.of(5), 8)));
    Tensor u = Tensor.rand(Shape.of(1000), -1, 2, 3);
    for (int i = 0; i < u.size(); i++) {
      assertTrue(u.at(i) >= -1 && u.at(i) < 2);
    }
  }

  @Test
  void dtypeIsCarriedAndCastIsExplicit() {
    Tensor f = Tensor.ones(Shape.of(2, 2), DType.F32);
    assertEquals(DType.F32, f.dtype());
    assertEquals(DType.F64, f.cast(DType.F64).dtype());
    assertEquals(0.1f, Tensor.wrap(Shape.of(1), new double[] {0.1}, DType.F32).at(0), 0);
  }

  @Test
  void allCloseFollowsNumpy() {
    Tensor a = Tensor.of(1, 2, 3);
    assertTrue(a.allClose(Tensor.of(1, 2, 3 + 1e-9)));
    assertFalse(a.allClose(Tensor.of(1, 2, 3.1)));
    assertFalse(a.allClose(Tensor.of(1, 2)));
    assertFalse(Tensor.of(Double.NaN).allClose(Tensor.of(Double.NaN)));
  }

  @Test
  void toStringPrintsSmallAndSummarisesLarge() {
    assertEquals("[[1, 2],\n [3, 4.5]]", Tensor.of(new double[][] {{1, 2}, {3, 4.5}}).toString());
    String big = Tensor.zeros(100, 100).toString();
    assertTrue(big.startsWith("tensor(shape=[100, 100], F64, min=0"), big);
  }

  @Test
  void badShapesAreNamed() {
    IllegalArgumentException neg =
        assertThrows(IllegalArgumentException.class, () -> Shape.of(3, -1));
    assertEquals("shape [3, -1]: negative dimension -1", neg.getMessage());
    IllegalArgumentException big =
        assertThrows(IllegalArgumentException.class, () -> Shape.of(100_000, 100_000));
    assertTrue(big.getMessage().contains("overflows int"), big.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Shape.of(2, 3).dim(2));
    assertEquals(3, Shape.of(2, 3).dim(-1));
  }

  @Test
  void badIndicesAreNamed() {
    Tensor m = Tensor.zeros(2, 3);
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> m.get(1));
    assertTrue(
        rank.getMessage().contains("1 indices [1] for a tensor of rank 2"), rank.getMessage());
    IllegalArgumentException range =
        assertThrows(IllegalArgumentException.class, () -> m.get(1, 3));
    assertTrue(range.getMessage().contains("dimension 1 has size 3"), range.getMessage());
    assertThrows(IllegalArgumentException.class, () -> m.item());
    assertThrows(IllegalArgumentException.class, () -> m.reshape(4, 2));
    assertThrows(IllegalArgumentException.class, () -> Tensor.of(Shape.of(2, 2), 1, 2, 3));
  }

  @Test
  void broadcastingFollowsNumpy() {
    assertEquals(Shape.of(4, 3), Shape.broadcast("add", Shape.of(4, 1), Shape.of(3)));
    assertEquals(Shape.of(2, 4, 3), Shape.broadcast("add", Shape.of(2, 1, 3), Shape.of(4, 1)));
    assertEquals(Shape.of(5), Shape.broadcast("add", Shape.SCALAR, Shape.of(5)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Shape.broadcast("mul", Shape.of(3), Shape.of(4)));
    assertTrue(e.getMessage().startsWith("mul: shapes [3] and [4] do not broadcast"));
  }
}
