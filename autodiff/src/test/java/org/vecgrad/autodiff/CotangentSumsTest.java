package org.vecgrad.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vecgrad.autodiff.Ops.add;
import static org.vecgrad.autodiff.Ops.mul;
import static org.vecgrad.autodiff.Ops.sum;
import static org.vecgrad.autodiff.Ops.tanh;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;
import org.vecgrad.tensor.Workspace;

/**
 * A sweep that records nothing sums the cotangents of a value used several times in arrays of its
 * own ({@link CotangentSums}); a recorded sweep ({@code createGraph}) sums them with {@link
 * Ops#add}. Both must give the same bits for every adjoint, including adjoints that a rule passed
 * on unchanged to its inputs before more cotangents arrived there.
 */
class CotangentSumsTest {

  /**
   * x feeds five ops; s = a + b is used twice, so its adjoint is a sum of the sweep's own, which
   * {@code add}'s rule then hands unchanged to a and b; a then receives two more cotangents from t
   * = a·a (recorded before s, so swept after it). If those were added into the array of s's
   * adjoint, s's kept adjoint (and b's) would change.
   */
  private static List<Var> graph(Tape tape, DType dtype, int n) {
    Var x = tape.variable("x", Tensor.rand(Shape.of(n), -1, 1, 7).cast(dtype));
    Var a = Ops.scale(x, 3);
    Var t = mul(a, a);
    Var b = tanh(x);
    Var s = add(a, b);
    Var p = Ops.scale(s, 2);
    Var q = mul(s, s);
    Var y = add(add(add(sum(p), sum(q)), sum(t)), sum(mul(x, x)));
    return List.of(x, a, t, b, s, p, q, y);
  }

  private static List<Tensor> adjoints(DType dtype, int n, boolean recorded, boolean workspace) {
    try (Tape tape = new Tape();
        Workspace ws = workspace ? Workspace.open() : null) {
      List<Var> v = graph(tape, dtype, n);
      Var y = v.get(v.size() - 1);
      Backward sweep = tape.backward(y).keepAll();
      Gradients g = (recorded ? sweep.createGraph() : sweep).run();
      List<Tensor> out = new ArrayList<>();
      for (Var node : v) {
        Tensor adj = g.adjoint(node);
        assertNotNull(adj, node.toString());
        out.add(adj.copy()); // copied: a workspace takes its arrays back when it closes
      }
      return out;
    }
  }

  @ParameterizedTest(name = "{0}, {1} elements, workspace {2}")
  @CsvSource({
    "F64, 1, false",
    "F64, 37, false",
    "F32, 1, false",
    "F32, 37, false",
    "F64, 37, true"
  })
  void everyAdjointHasTheBitsOfTheRecordedSweep(DType dtype, int n, boolean workspace) {
    List<Tensor> own = adjoints(dtype, n, false, workspace);
    List<Tensor> recorded = adjoints(dtype, n, true, workspace);
    assertEquals(recorded.size(), own.size());
    for (int i = 0; i < own.size(); i++) {
      assertArrayEquals(
          recorded.get(i).toDoubleArray(), own.get(i).toDoubleArray(), 0, "adjoint of node " + i);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"F64", "F32"})
  void aValueUsedManyTimesGetsTheSumOfItsCotangents(DType dtype) {
    // y = Σ_i c_i·x for 50 uses of x: dy/dx = Σ c_i, summed left to right as the sweep meets them
    try (Tape tape = new Tape()) {
      Var x = tape.variable("x", Tensor.scalar(0.5, dtype));
      Var y = Ops.scale(x, 1);
      for (int i = 2; i <= 50; i++) {
        y = add(y, Ops.scale(x, i));
      }
      double expected = 0;
      for (int i = 50; i >= 1; i--) { // the sweep meets the last use first
        expected = dtype == DType.F32 ? (float) (expected + i) : expected + i;
      }
      assertEquals(expected, tape.grad(y, x).of(x).item(), 0);
    }
  }

  @Test
  void watchModeCatchesASumThatOverflows() {
    // each cotangent of x is 1e308 (finite), their sum is not: watch mode names the node where the
    // sum overflowed
    try (Tape tape = new Tape()) {
      tape.watchNonFinite(true);
      Var x = tape.variable("x", 1e-300); // the forward values stay small
      Var y = add(add(Ops.scale(x, 1e308), Ops.scale(x, 1e308)), Ops.scale(x, 1e308));
      NonFiniteException e = assertThrows(NonFiniteException.class, () -> tape.grad(y, x));
      assertTrue(e.getMessage().contains("sum of the cotangents"), e.getMessage());
    }
  }
}
