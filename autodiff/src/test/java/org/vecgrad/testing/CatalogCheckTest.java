package org.vecgrad.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** The catalogue's verification fails, naming the op and the seed, for an entry with a bug. */
class CatalogCheckTest {

  /** {@code y = eˣ} whose VJP (or JVP) multiplies by x instead of eˣ. */
  private static Op buggyExp(boolean badVjp) {
    return new Op() {
      @Override
      public String name() {
        return badVjp ? "expWithBadVjp" : "expWithBadJvp";
      }

      @Override
      public Shape shape(Shape... in) {
        if (in.length != 1) {
          throw new IllegalArgumentException(name() + ": takes 1 input, got " + in.length);
        }
        return in[0];
      }

      @Override
      public Tensor forward(Tensor... in) {
        double[] x = in[0].toDoubleArray();
        for (int i = 0; i < x.length; i++) {
          x[i] = Math.exp(x[i]);
        }
        return Tensor.wrap(in[0].shape(), x, in[0].dtype());
      }

      @Override
      public Var jvp(Node node, Var[] t) {
        return Ops.mul(badVjp ? node.output() : node.input(0), t[0]);
      }

      @Override
      public Var[] vjp(Node node, Var g, boolean[] wanted) {
        return new Var[] {Ops.mul(badVjp ? node.input(0) : node.output(), g)};
      }
    };
  }

  private static OpSpec spec(Op op) {
    return new OpSpec(
        op.name(),
        null,
        rng ->
            new OpCase(
                op.name(),
                new Shape[] {Shapes.random(rng, 1, 2, 3)},
                new Domain[] {Domains.ANY},
                new boolean[] {true},
                x -> Ops.apply(op, x[0]),
                x -> Ops.exp(x[0])),
        rng ->
            new BadCase(
                new Shape[] {Shape.of(2), Shape.of(2)}, x -> Ops.apply(op, x[0], x[1]), op.name()),
        null,
        1,
        false);
  }

  @Test
  void aWrongVjpOrJvpFailsEveryDtypeNamingOpAndSeed() {
    for (boolean badVjp : new boolean[] {true, false}) {
      Op op = buggyExp(badVjp);
      for (DType dtype : DType.values()) {
        CatalogCheck.Result r = CatalogCheck.verify(spec(op), dtype, 2);
        assertFalse(r.passed());
        String text = String.join("\n", r.failures());
        assertTrue(text.contains("seed 0") && text.contains("seed 1"), text);
        assertTrue(text.contains("guilty operation") && text.contains(op.name()), text);
        assertTrue(text.contains("Adjoint test") && text.contains("Taylor test"), text);
      }
    }
  }

  @Test
  void theShapeErrorOfAnOpIsChecked() {
    Op op = buggyExp(true);
    assertNull(CatalogCheck.shapeError(spec(op).bad().apply(null), DType.F64));
    BadCase accepted = new BadCase(new Shape[] {Shape.of(2)}, x -> Ops.exp(x[0]), "exp");
    assertTrue(CatalogCheck.shapeError(accepted, DType.F64).contains("were accepted"));
    BadCase unnamed =
        new BadCase(
            new Shape[] {Shape.of(2, 3), Shape.of(4, 3)}, x -> Ops.add(x[0], x[1]), "matmul");
    assertTrue(CatalogCheck.shapeError(unnamed, DType.F64).contains("does not name 'matmul'"));
  }
}
