package org.vecgrad.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.vecgrad.kernel.BinaryKernels;
import org.vecgrad.kernel.Broadcast;
import org.vecgrad.kernel.Reduce;
import org.vecgrad.kernel.UnaryKernel;
import org.vecgrad.kernel.UnaryKernels;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The ops of an MLP step on F32 tensors compute with the F32 kernels on the float storage: their
 * results are F32 and equal, bit for bit, to the float kernel applied to the float arrays (the old
 * path, through the F64 kernels and a rounding, would give the double result rounded instead).
 */
class F32NativePathTest {
  private static final Shape S = Shape.of(37, 53); // odd sizes: vector loops and tails

  private static Tensor randn(Shape s, long seed) {
    return Tensor.randn(s, new SplittableRandom(seed)).cast(DType.F32);
  }

  private static void assertF32Bits(String what, float[] expected, Tensor actual) {
    assertEquals(DType.F32, actual.dtype(), what + ": dtype");
    float[] got = actual.readF32();
    assertEquals(expected.length, got.length, what + ": size");
    for (int i = 0; i < got.length; i++) {
      assertEquals(
          Float.floatToIntBits(expected[i]),
          Float.floatToIntBits(got[i]),
          what + ": element " + i + " expected " + expected[i] + " got " + got[i]);
    }
  }

  @Test
  void elementwiseOpsAreTheFloatKernels() {
    Tensor x = randn(S, 1);
    float[] xf = x.readF32();
    UnaryKernel[] kernels = {
      UnaryKernels.RELU, UnaryKernels.SIGMOID, UnaryKernels.TANH, UnaryKernels.EXP
    };
    @SuppressWarnings("unchecked")
    UnaryOperator<Var>[] ops =
        new UnaryOperator[] {
          (UnaryOperator<Var>) Ops::relu,
          (UnaryOperator<Var>) Ops::sigmoid,
          (UnaryOperator<Var>) Ops::tanh,
          (UnaryOperator<Var>) Ops::exp
        };
    for (int k = 0; k < kernels.length; k++) {
      // the op first, then the kernel: both run the same compiled (or interpreted) float loop
      Tensor y = ops[k].apply(Var.constant(x)).value();
      assertF32Bits(kernels[k].name(), kernels[k].map(xf), y);
    }
  }

  @Test
  void broadcastAddMulAndReductionsAreTheFloatKernels() {
    Tensor a = randn(S, 2);
    Tensor bias = randn(Shape.of(53), 3);
    float[] sum = new float[S.size()];
    Broadcast.apply(
        BinaryKernels.ADD, S.dims(), a.readF32(), S.dims(), bias.readF32(), new int[] {1, 53}, sum);
    assertF32Bits("add bias", sum, Ops.add(Var.constant(a), Var.constant(bias)).value());
    float[] prod = new float[S.size()];
    BinaryKernels.MUL.vv(a.readF32(), 0, a.readF32(), 0, prod, 0, prod.length);
    assertF32Bits("mul", prod, Ops.mul(Var.constant(a), Var.constant(a)).value());

    assertF32Bits("sum", new float[] {Reduce.sum(a.readF32())}, Ops.sum(Var.constant(a)).value());
    float[] rows = new float[53];
    Reduce.sumAxis(a.readF32(), 1, 37, 53, rows);
    assertF32Bits("sum axis 0", rows, Ops.sum(Var.constant(a), 0, false).value());
    float[] colMax = new float[37];
    Reduce.maxAxis(a.readF32(), 37, 53, 1, colMax);
    assertF32Bits("max axis 1", colMax, Ops.max(Var.constant(a), 1, false).value());
    float[] down = new float[53];
    Broadcast.sumTo(a.readF32(), S.dims(), down, new int[] {1, 53});
    assertF32Bits("sumTo", down, Ops.sumTo(Var.constant(a), Shape.of(53)).value());
  }

  @Test
  void lossesStayF32AndMatchF64ToFloatPrecision() {
    Tensor z = randn(S, 4);
    float[] t = new float[S.size()];
    for (int i = 0; i < 37; i++) {
      t[i * 53 + (i * 7) % 53] = 1;
    }
    Tensor targets = Tensor.wrap(S, t);
    Tensor l32 = Ops.softmaxCrossEntropy(Var.constant(z), Var.constant(targets)).value();
    Tensor l64 =
        Ops.softmaxCrossEntropy(
                Var.constant(z.cast(DType.F64)), Var.constant(targets.cast(DType.F64)))
            .value();
    assertEquals(DType.F32, l32.dtype());
    assertTrue(
        Math.abs(l32.item() - l64.item()) <= 16 * DType.F32.epsilon() * Math.abs(l64.item()),
        l32.item() + " vs " + l64.item());
    Tensor s32 = Ops.logSumExp(Var.constant(z), 1, false).value();
    Tensor s64 = Ops.logSumExp(Var.constant(z.cast(DType.F64)), 1, false).value();
    assertEquals(DType.F32, s32.dtype());
    assertTrue(s32.cast(DType.F64).allClose(s64, 16 * DType.F32.epsilon(), 0), "logSumExp");
  }
}
