package org.vecgrad.autodiff.op;

import org.vecgrad.autodiff.Node;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.kernel.ArrayOpsF32;
import org.vecgrad.kernel.ArrayOpsF64;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Fused, stable softmax cross-entropy averaged over a batch: for logits {@code Z[b×c]} and target
 * distributions {@code Y[b×c]} (one-hot rows or probabilities),
 *
 * <pre>
 *   L = −(1/b) Σᵢⱼ Yᵢⱼ · log softmax(Z)ᵢⱼ,   log softmax(Z)ᵢⱼ = Zᵢⱼ − lseᵢ(Z).
 * </pre>
 *
 * With {@code P = softmax(Z)} and row sums {@code sᵢ = Σⱼ Yᵢⱼ}: {@code ∂L/∂Z = (P⊙s − Y)/b}, {@code
 * ∂L/∂Y = −log softmax(Z)/b}. JVP: {@code L̇ = ⟨∂L/∂Z, Ż⟩ + ⟨∂L/∂Y, Ẏ⟩}. VJP: {@code Z̄ =
 * L̄·∂L/∂Z}, {@code Ȳ = L̄·∂L/∂Y}. The composite form {@code −mean(sum(Y⊙logSoftmax(Z)))} is its
 * reference in the tests.
 */
public final class SoftmaxCrossEntropy implements Op {
  /** The one instance. */
  public static final SoftmaxCrossEntropy INSTANCE = new SoftmaxCrossEntropy();

  private SoftmaxCrossEntropy() {}

  @Override
  public String name() {
    return "softmaxCrossEntropy";
  }

  @Override
  public String rule() {
    return "ȳ·(softmax(Z) − Y)/b";
  }

  @Override
  public Shape shape(Shape... in) {
    Compute.requireArity(name(), in, 2);
    Compute.requireRank(name(), in[0], 2, "the logits");
    if (!in[0].equals(in[1])) {
      throw new IllegalArgumentException(
          "softmaxCrossEntropy: logits "
              + in[0]
              + " and targets "
              + in[1]
              + " must have the same shape [batch, classes]");
    }
    if (in[0].dim(0) == 0 || in[0].dim(1) == 0) {
      throw new IllegalArgumentException("softmaxCrossEntropy: empty logits " + in[0]);
    }
    return Shape.SCALAR;
  }

  @Override
  public Tensor forward(Tensor... in) {
    int b = in[0].shape().dim(0);
    int c = in[0].shape().dim(1);
    return in[0].dtype() == DType.F32
        ? Tensor.wrap(
            Shape.SCALAR,
            new float[] {ArrayOpsF32.softmaxCrossEntropy(in[0].readF32(), in[1].readF32(), b, c)})
        : Tensor.scalar(ArrayOpsF64.softmaxCrossEntropy(in[0].readF64(), in[1].readF64(), b, c));
  }

  private static Var dLogits(Node node) {
    Var z = node.input(0);
    Var y = node.input(1);
    double b = z.shape().dim(0);
    Var rowSums = Ops.sum(y, 1, true);
    return Ops.scale(Ops.sub(Ops.mul(Ops.softmax(z, 1), rowSums), y), 1 / b);
  }

  private static Var dTargets(Node node) {
    Var z = node.input(0);
    return Ops.scale(Ops.logSoftmax(z, 1), -1 / (double) z.shape().dim(0));
  }

  @Override
  public Var jvp(Node node, Var[] t) {
    Var out = t[0] == null ? null : Ops.sum(Ops.mul(dLogits(node), t[0]));
    if (t[1] != null) {
      Var dy = Ops.sum(Ops.mul(dTargets(node), t[1]));
      out = out == null ? dy : Ops.add(out, dy);
    }
    return out;
  }

  @Override
  public Var[] vjp(Node node, Var g, boolean[] wanted) {
    return new Var[] {
      wanted[0] ? Ops.mul(dLogits(node), g) : null, wanted[1] ? Ops.mul(dTargets(node), g) : null
    };
  }
}
