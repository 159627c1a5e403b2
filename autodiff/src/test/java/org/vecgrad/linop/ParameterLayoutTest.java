package org.vecgrad.linop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

class ParameterLayoutTest {
  private final ParameterLayout layout =
      ParameterLayout.of(
          new String[] {"W", "b", "s"}, new Shape[] {Shape.of(2, 3), Shape.of(3), Shape.SCALAR});

  @Test
  void offsetsFollowTheOrderGiven() {
    assertEquals(10, layout.size());
    assertEquals(Shape.of(10), layout.shape());
    assertEquals(0, layout.offset(0));
    assertEquals(6, layout.offset(1));
    assertEquals(9, layout.offset(2));
    assertEquals("b", layout.name(1));
    assertEquals("[W[2, 3], b[3], s" + Shape.SCALAR + "]", layout.toString());
  }

  @Test
  void packAndUnpackAreInverse() {
    Tensor w = Tensor.randn(Shape.of(2, 3), 1);
    Tensor b = Tensor.randn(Shape.of(3), 2);
    Tensor s = Tensor.scalar(7);
    Tensor flat = layout.pack(w, b, s);
    assertEquals(w.get(1, 2), flat.at(5), 0);
    assertEquals(b.at(0), flat.at(6), 0);
    assertEquals(7, flat.at(9), 0);
    Tensor[] parts = layout.unpack(flat);
    assertEquals(w, parts[0]);
    assertEquals(b, parts[1]);
    assertEquals(s, parts[2]);
  }

  @Test
  void namesComeFromVars() {
    try (Tape tape = new Tape()) {
      Var w = tape.variable("W1", Tensor.zeros(2, 2));
      Var unnamed = tape.variable(Tensor.zeros(3));
      ParameterLayout l = ParameterLayout.of(w, unnamed);
      assertEquals("W1", l.name(0));
      assertEquals("x" + unnamed.index(), l.name(1));
      assertArrayEquals(new int[] {3}, l.shape(1).dims());
    }
  }

  @Test
  void wrongPartsAreNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> layout.pack(Tensor.zeros(3, 2), Tensor.zeros(3), Tensor.scalar(0)));
    assertTrue(e.getMessage().contains("'W'") && e.getMessage().contains("[3, 2]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> layout.unpack(Tensor.zeros(9)));
    assertTrue(e.getMessage().contains("[9]") && e.getMessage().contains("[10]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> layout.offset(3));
    assertThrows(
        IllegalArgumentException.class,
        () -> ParameterLayout.of(new String[] {"a"}, new Shape[] {Shape.of(1), Shape.of(2)}));
  }
}
