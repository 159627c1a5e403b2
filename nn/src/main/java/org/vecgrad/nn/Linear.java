package org.vecgrad.nn;

import java.util.SplittableRandom;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;

/**
 * An affine layer on a batch of rows: {@code y = x·Wᵀ + b}.
 *
 * <p><b>Layout convention</b> (the same everywhere in {@code nn}): a batch is batch-major, {@code x
 * [batch, in]}, one sample per row; the weight is {@code W [out, in]}, as in the lectures ({@code h
 * = σ(W a + b)} with {@code W ∈ ℝ^{n_k × n_{k−1}}}) and in PyTorch, so that row {@code i} of the
 * output is {@code W·xᵢ + b}. The product is {@code matmul(x, W, false, true)}: the transpose flag
 * reads W transposed without copying it. The bias {@code b [out]} broadcasts over the rows.
 */
public final class Linear extends Module {
  private final int in;
  private final int out;
  private final Parameter weight;
  private final Parameter bias;

  /**
   * A layer {@code in → out}.
   *
   * @param weightInit draws {@code W [out, in]}
   * @param biasInit draws {@code b [out]}, or null for a layer without bias ({@code y = x·Wᵀ})
   */
  public Linear(
      int in, int out, Init weightInit, Init biasInit, DType dtype, SplittableRandom rng) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException(
          "Linear: sizes must be positive, got in=" + in + ", out=" + out);
    }
    this.in = in;
    this.out = out;
    this.weight =
        addParameter(new Parameter("weight", weightInit.sample(Shape.of(out, in), dtype, rng)));
    this.bias =
        biasInit == null
            ? null
            : addParameter(new Parameter("bias", biasInit.sample(Shape.of(out), dtype, rng)));
  }

  /** A layer with Glorot-uniform weights and zero bias, F64, seeded. */
  public Linear(int in, int out, long seed) {
    this(in, out, Init.xavierUniform(), Init.zeros(), DType.F64, new SplittableRandom(seed));
  }

  @Override
  public Var forward(Tape tape, Var x) {
    if (x.shape().rank() != 2 || x.shape().dim(1) != in) {
      throw new IllegalArgumentException(
          "Linear(" + in + " → " + out + "): input must be [batch, " + in + "], got " + x.shape());
    }
    Var w = weight.on(tape);
    return bias == null ? Ops.matmul(x, w, false, true) : Ops.affine(x, w, bias.on(tape));
  }

  /** The weight {@code [out, in]}. */
  public Parameter weight() {
    return weight;
  }

  /** The bias {@code [out]}, or null. */
  public Parameter bias() {
    return bias;
  }

  /** Input width. */
  public int in() {
    return in;
  }

  /** Output width. */
  public int out() {
    return out;
  }

  @Override
  protected String describe() {
    return "Linear(" + in + " → " + out + (bias == null ? ", no bias" : "") + ")";
  }
}
