package org.vecgrad.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Tensor;

/**
 * Every catalogue entry computed in F32 agrees with the same entry computed in F64 on the same
 * values (the F32 inputs cast up, exactly): the F32 result is within {@link #ULPS} float epsilons
 * of the F64 one, relative to the larger of the output's and the inputs' largest magnitude (a
 * normwise condition: a sum or a difference is only as accurate as its terms are large). This is
 * what the native F32 kernels must preserve: an F32 op is the F64 op up to float rounding, with no
 * dtype leaking (the result is F32, never F64).
 */
class DtypeAgreementTest {
  private static final int SEEDS = 6;

  /** Float epsilons allowed, times the normwise scale (every entry passes at 4 on AVX-512). */
  private static final double ULPS = 8;

  @TestFactory
  Stream<DynamicTest> f32AgreesWithF64OnTheSameValues() {
    return OpCatalog.all().stream()
        .map(
            spec ->
                DynamicTest.dynamicTest(
                    spec.name(),
                    () -> {
                      for (long seed = 0; seed < SEEDS; seed++) {
                        SplittableRandom rng = new SplittableRandom(seed);
                        OpCase c = spec.sample(rng);
                        Tensor[] x32 = c.inputs(DType.F32, rng);
                        Tensor[] x64 = new Tensor[x32.length];
                        double scale = 0;
                        for (int i = 0; i < x32.length; i++) {
                          x64[i] = x32[i].cast(DType.F64);
                          scale = Math.max(scale, maxAbs(x64[i]));
                        }
                        Tensor y32 = evaluate(c.function(), x32);
                        Tensor y64 = evaluate(c.function(), x64);
                        String where = spec.name() + " seed " + seed + " " + c;
                        assertEquals(
                            spec.roundsToF32() ? y32.dtype() : DType.F32, y32.dtype(), where);
                        assertEquals(y64.shape(), y32.shape(), where);
                        double s = Math.max(scale, maxAbs(y64));
                        double tol = ULPS * spec.looseness() * DType.F32.epsilon() * s;
                        for (int i = 0; i < y64.size(); i++) {
                          double a = y32.at(i);
                          double b = y64.at(i);
                          boolean same =
                              Double.isNaN(a) ? Double.isNaN(b) : a == b || Math.abs(a - b) <= tol;
                          assertTrue(
                              same,
                              where
                                  + ": element "
                                  + i
                                  + " is "
                                  + a
                                  + " in F32, "
                                  + b
                                  + " in F64 (tolerance "
                                  + tol
                                  + ")");
                        }
                      }
                    }));
  }

  private static double maxAbs(Tensor t) {
    double m = 0;
    for (int i = 0; i < t.size(); i++) {
      double v = Math.abs(t.at(i));
      if (Double.isFinite(v)) {
        m = Math.max(m, v);
      }
    }
    return m;
  }

  private static Tensor evaluate(TapeFunction f, Tensor[] x) {
    Var[] in = new Var[x.length];
    for (int i = 0; i < x.length; i++) {
      in[i] = Var.constant(x[i]);
    }
    return f.apply(in).value();
  }
}
