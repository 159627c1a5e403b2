package org.vecgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A reusable tensor hands its array to a successor once, and is loudly unreadable after. */
class StorageReuseTest {
  private static final Shape SHAPE = Shape.of(2, 3);

  @Test
  void takingGivesTheSameArrayAndRetiresTheTensorAndItsReshapes() {
    double[] data = {1, 2, 3, 4, 5, 6};
    Tensor t = StorageReuse.reusable(SHAPE, data);
    Tensor flat = t.reshape(Shape.of(6));
    assertEquals(4.0, t.at(3));
    assertSame(data, StorageReuse.takeF64(t));
    for (Tensor retired : new Tensor[] {t, flat}) {
      IllegalStateException e = assertThrows(IllegalStateException.class, retired::readF64);
      assertTrue(e.getMessage().contains(retired.shape().toString()), e.getMessage());
      assertTrue(e.getMessage().contains("copy()"), e.getMessage());
      assertThrows(IllegalStateException.class, retired::copy);
      assertThrows(IllegalStateException.class, () -> retired.at(0));
      assertTrue(
          retired.toString().contains("reused"), retired.toString()); // printing never throws
    }
    // a value is taken once: taking a retired one is a use after retirement
    assertThrows(IllegalStateException.class, () -> StorageReuse.takeF64(t));
  }

  @Test
  void aCopyOutlivesTheTakingAndTheSuccessorIsReusableAgain() {
    float[] data = {1, 2, 3, 4, 5, 6};
    Tensor t = StorageReuse.reusable(SHAPE, data);
    Tensor kept = t.copy();
    float[] own = StorageReuse.takeF32(t);
    own[0] = 42;
    Tensor next = StorageReuse.reusable(SHAPE, own);
    assertEquals(1.0, kept.at(0)); // the copy has storage of its own
    assertEquals(42.0, next.at(0));
    assertSame(own, StorageReuse.takeF32(next));
  }

  @Test
  void otherTensorsAreNeverTaken() {
    Tensor plain = Tensor.of(SHAPE, 1, 2, 3, 4, 5, 6);
    assertNull(StorageReuse.takeF64(plain));
    assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, plain.toDoubleArray()); // still readable
    Tensor leased;
    try (Workspace ws = Workspace.open()) {
      double[] a = Workspace.newF64(Workspace.MIN_ELEMENTS);
      leased = Tensor.wrap(Shape.of(a.length), a);
      assertNull(StorageReuse.takeF64(leased)); // a workspace's arrays go back to its pool only
      assertEquals(0.0, leased.at(0));
    }
  }

  @Test
  void wrongDtypeOrLengthIsRejectedByName() {
    Tensor f32 = StorageReuse.reusable(SHAPE, new float[6]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StorageReuse.takeF64(f32));
    assertTrue(e.getMessage().contains("takeF64") && e.getMessage().contains("F32"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> StorageReuse.reusable(SHAPE, new double[5]));
    assertTrue(e.getMessage().contains("reusable") && e.getMessage().contains("[2, 3]"));
  }
}
