package org.vecgrad.kernel;

import org.vecgrad.autodiff.Gradients;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Trains a 784-256-256-10 ReLU MLP with softmax cross-entropy and plain SGD, written with {@link
 * Ops} on a tape, at batch 128 and 32 in F32 and F64, on one thread, for a given number of seconds:
 * the matrix products of a training step amid the other kernels that share the JIT's profiles, long
 * enough for C2 to compile the GEMM kernels. The child process of {@link GemmCompilationTest}. (A
 * loop of bare products did not reproduce the failed stores that the training step showed.)
 */
final class GemmWarmup {
  private GemmWarmup() {}

  private static final int[] SIZES = {784, 256, 256, 10};

  /** {@code args[0]}: seconds to run. Prints the last losses so nothing is optimised away. */
  public static void main(String[] args) {
    Parallel.setThreads(1);
    long end = System.nanoTime() + (long) (Double.parseDouble(args[0]) * 1e9);
    Tensor[][] params = {init(DType.F32), init(DType.F64)};
    double loss = 0;
    for (int step = 0; System.nanoTime() < end; step++) {
      int d = step % 2;
      int batch = step % 4 < 2 ? 128 : 32;
      loss = step(params[d], batch, step);
    }
    System.out.println("loss " + loss);
  }

  private static Tensor[] init(DType dtype) {
    Tensor[] p = new Tensor[2 * (SIZES.length - 1)];
    for (int l = 0; l + 1 < SIZES.length; l++) {
      p[2 * l] = Tensor.randn(Shape.of(SIZES[l + 1], SIZES[l]), 10 + l).cast(dtype);
      p[2 * l + 1] = Tensor.zeros(Shape.of(SIZES[l + 1]), dtype);
    }
    return p;
  }

  /** One forward, backward and SGD update of {@code params} in place of the array's entries. */
  private static double step(Tensor[] params, int batch, int seed) {
    DType dtype = params[0].dtype();
    Tensor x = Tensor.randn(Shape.of(batch, SIZES[0]), seed).cast(dtype);
    double[] oneHot = new double[batch * SIZES[SIZES.length - 1]];
    for (int i = 0; i < batch; i++) {
      oneHot[i * SIZES[SIZES.length - 1] + (i * 7 + seed) % SIZES[SIZES.length - 1]] = 1;
    }
    Tensor t = Tensor.of(Shape.of(batch, SIZES[SIZES.length - 1]), oneHot).cast(dtype);
    try (Tape tape = new Tape()) {
      Var[] p = new Var[params.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = tape.variable(params[i]);
      }
      Var h = tape.constant(x);
      for (int l = 0; l + 1 < SIZES.length; l++) {
        h = Ops.affine(h, p[2 * l], p[2 * l + 1]);
        if (l + 2 < SIZES.length) {
          h = Ops.relu(h);
        }
      }
      Var loss = Ops.softmaxCrossEntropy(h, tape.constant(t));
      Gradients g = tape.grad(loss, p);
      for (int i = 0; i < p.length; i++) {
        params[i] =
            Ops.sub(Var.constant(params[i]), Ops.scale(Var.constant(g.of(p[i])), 1e-3)).value();
      }
      return loss.item();
    }
  }
}
