package org.vecgrad.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;

/** The buffer-ownership rule: recycling inside a workspace, and loud failure after it closes. */
class WorkspaceTest {
  private static final Shape BIG = Shape.of(4, 512); // 2048 elements, above MIN_ELEMENTS

  @Test
  void aResultReusesTheStorageOfTheLastWorkspace() {
    Var x = Var.constant(Tensor.randn(BIG, 1));
    double[] first;
    try (Workspace ws = Workspace.open()) {
      first = Ops.exp(x).value().readF64();
      assertEquals(1, ws.freshArrays() + ws.recycledArrays());
    }
    try (Workspace ws = Workspace.open()) {
      Tensor again = Ops.exp(x).value();
      assertSame(first, again.readF64());
      assertEquals(1, ws.recycledArrays());
      assertEquals(Ops.exp(x).value(), again); // the same numbers as a second, fresh lease
    }
    assertNotSame(first, Ops.exp(x).value().readF64()); // outside: fresh storage
  }

  @Test
  void readingAResultAfterItsWorkspaceClosedThrowsNamingItsShape() {
    Tensor y;
    Tensor view;
    try (Workspace ws = Workspace.open()) {
      y = Ops.tanh(Var.constant(Tensor.randn(BIG, 2))).value();
      view = y.reshape(2048);
      assertDoesNotThrow(() -> y.at(0));
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.at(3));
    assertTrue(e.getMessage().contains(BIG.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("copy()"), e.getMessage());
    assertThrows(IllegalStateException.class, y::readF64);
    assertThrows(IllegalStateException.class, y::toDoubleArray);
    assertThrows(IllegalStateException.class, y::norm);
    assertThrows(IllegalStateException.class, () -> view.at(0));
    assertThrows(IllegalStateException.class, () -> Ops.exp(Var.constant(y)));
    assertTrue(y.toString().contains("closed Workspace"), y.toString()); // printing never throws
  }

  @Test
  void aCopyMadeInsideOutlivesTheWorkspace() {
    Var x = Var.constant(Tensor.randn(BIG, 3));
    Tensor kept;
    Tensor expected = Ops.sigmoid(x).value();
    try (Workspace ws = Workspace.open()) {
      kept = Ops.sigmoid(x).value().copy();
    }
    try (Workspace ws = Workspace.open()) {
      Ops.neg(x); // takes the storage the sigmoid used
      assertEquals(expected, kept);
    }
  }

  @Test
  void smallResultsFactoriesAndF32CastsAreNeverLeased() {
    Tensor small;
    Tensor made;
    try (Workspace ws = Workspace.open()) {
      small = Ops.exp(Var.constant(Tensor.randn(Shape.of(Workspace.MIN_ELEMENTS - 1), 4))).value();
      made = Tensor.zeros(BIG, DType.F32);
      assertEquals(0, ws.freshArrays() + ws.recycledArrays());
    }
    assertDoesNotThrow(() -> small.at(0));
    assertDoesNotThrow(() -> made.at(0));
  }

  @Test
  void innerWorkspacesLeaseAndCloseFirst() {
    Var x = Var.constant(Tensor.randn(BIG, 5));
    try (Workspace outer = Workspace.open()) {
      Tensor a = Ops.exp(x).value();
      Workspace inner = Workspace.open();
      Tensor b = Ops.exp(x).value();
      IllegalStateException order = assertThrows(IllegalStateException.class, outer::close);
      assertTrue(order.getMessage().contains("still open"), order.getMessage());
      inner.close();
      assertThrows(IllegalStateException.class, () -> b.at(0));
      assertDoesNotThrow(() -> a.at(0));
      assertEquals(1, outer.freshArrays() + outer.recycledArrays());
      assertEquals(1, inner.freshArrays() + inner.recycledArrays());
    }
  }

  @Test
  void onlyTheOpeningThreadCloses() throws Exception {
    Workspace ws = Workspace.open();
    try {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread t = new Thread(() -> thrown.set(assertThrows(IllegalStateException.class, ws::close)));
      t.start();
      t.join();
      assertTrue(thrown.get().getMessage().contains("opened on thread"));
    } finally {
      ws.close();
    }
  }

  @Test
  void aTapeRecordedInsideCannotBeSweptAfterTheWorkspaceClosed() {
    Tape tape = new Tape();
    Var x = tape.variable("x", Tensor.randn(BIG, 6));
    Var y;
    try (Workspace ws = Workspace.open()) {
      y = Ops.sum(Ops.tanh(Ops.mul(x, x)));
    }
    assertThrows(IllegalStateException.class, () -> tape.grad(y, x));
    tape.close();
  }

  /**
   * Every kernel that leases storage, in a graph whose results all have at least {@link
   * Workspace#MIN_ELEMENTS} elements, run after a workspace that left NaN in arrays of the same
   * lengths: value and gradients must be bit-identical to a run without any workspace. A kernel
   * that asked for storage it does not fully overwrite without asking for zeros would pick up the
   * NaN.
   */
  @ParameterizedTest
  @EnumSource(DType.class)
  void recycledStorageGivesTheSameBitsAsFreshStorage(DType dtype) {
    Tensor[] inputs = inputs(dtype, new SplittableRandom(7), false);
    Tensor[] fresh = valueAndGradients(inputs);
    try (Workspace ws = Workspace.open()) {
      valueAndGradients(inputs(dtype, new SplittableRandom(7), true)); // poison the pool
    }
    try (Workspace ws = Workspace.open()) {
      Tensor[] recycled = valueAndGradients(inputs);
      assertTrue(ws.recycledArrays() > 20, "recycled " + ws.recycledArrays());
      for (int i = 0; i < fresh.length; i++) {
        assertArrayEquals(fresh[i].toDoubleArray(), recycled[i].toDoubleArray(), "output " + i);
      }
    }
  }

  private static Tensor[] inputs(DType dtype, SplittableRandom rng, boolean nan) {
    Shape[] shapes = {
      Shape.of(64, 40), Shape.of(40, 32), Shape.of(2048), Shape.of(300, 8), Shape.of(1200, 16)
    };
    Tensor[] t = new Tensor[shapes.length];
    for (int i = 0; i < t.length; i++) {
      Tensor r = Tensor.randn(shapes[i], rng);
      if (nan) {
        double[] d = new double[r.size()];
        Arrays.fill(d, Double.NaN);
        r = Tensor.wrap(shapes[i], d);
      }
      t[i] = r.cast(dtype);
    }
    return t;
  }

  /** The loss of a graph over the leasing kernels, then its gradient for every input (copies). */
  private static Tensor[] valueAndGradients(Tensor[] in) {
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", in[0]);
      Var w = tape.variable("w", in[1]);
      Var v = tape.variable("v", in[2]);
      Var e = tape.variable("e", in[3]);
      Var n = tape.variable("n", in[4]);
      Var h = Ops.tanh(Ops.matmul(x, w)); // GEMM, unary map
      Var wide = Ops.add(Ops.reshape(h, Shape.of(1, 2048)), Ops.reshape(v, Shape.of(1, 2048)));
      Var rows = Ops.mul(Ops.broadcastTo(wide, Shape.of(3, 2048)), Ops.scale(wide, 0.5)); // sumTo
      Var cols = Ops.sum(rows, 0, false); // sum over an axis
      Var peaks = Ops.max(Ops.transpose(Ops.reshape(rows, Shape.of(3, 2048))), 1, false);
      Var lse = Ops.logSumExp(Ops.reshape(rows, Shape.of(2048, 3)), 1, false);
      Var both = Ops.concat(0, cols, peaks, lse); // new storage, slices in the VJP
      Var middle = Ops.slice(both, 0, 1000, 5000); // embed in the VJP
      int[] pick = new int[400];
      for (int i = 0; i < pick.length; i++) {
        pick[i] = (i * 7) % 300;
      }
      Var gathered = Ops.indexSelect(e, pick); // index-add (scatter) in the VJP
      Var narrow = Ops.matmul(n, Ops.slice(Ops.slice(w, 0, 0, 16), 1, 0, 2)); // [1200, 2]
      Var narrowRows = Ops.matmul(n, Ops.reshape(Ops.slice(v, 0, 0, 32), Shape.of(16, 2)));
      Var loss =
          Ops.add(
              Ops.add(Ops.sum(Ops.sigmoid(middle)), Ops.sum(Ops.square(gathered))),
              Ops.add(Ops.sum(Ops.exp(Ops.scale(narrow, 0.1))), Ops.sum(narrowRows)));
      Gradients g = tape.grad(loss, x, w, v, e, n);
      return new Tensor[] {
        loss.value().copy(),
        g.of(x).copy(),
        g.of(w).copy(),
        g.of(v).copy(),
        g.of(e).copy(),
        g.of(n).copy()
      };
    }
  }
}
