package org.vecgrad.testing;

import static org.vecgrad.testing.Domains.ANY;
import static org.vecgrad.testing.Domains.AWAY_FROM_KINK;
import static org.vecgrad.testing.Domains.DISTINCT;
import static org.vecgrad.testing.Domains.HINGE_MARGIN;
import static org.vecgrad.testing.Domains.ONE_HOT;
import static org.vecgrad.testing.Domains.POSITIVE;
import static org.vecgrad.testing.Domains.SIGNS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.vecgrad.autodiff.Op;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.autodiff.op.Abs;
import org.vecgrad.autodiff.op.Add;
import org.vecgrad.autodiff.op.Affine;
import org.vecgrad.autodiff.op.ArgmaxMask;
import org.vecgrad.autodiff.op.BroadcastTo;
import org.vecgrad.autodiff.op.Cast;
import org.vecgrad.autodiff.op.Concat;
import org.vecgrad.autodiff.op.Div;
import org.vecgrad.autodiff.op.Embed;
import org.vecgrad.autodiff.op.Exp;
import org.vecgrad.autodiff.op.IndexAdd;
import org.vecgrad.autodiff.op.IndexSelect;
import org.vecgrad.autodiff.op.Log;
import org.vecgrad.autodiff.op.LogSumExp;
import org.vecgrad.autodiff.op.MatMul;
import org.vecgrad.autodiff.op.MaxAxis;
import org.vecgrad.autodiff.op.Mul;
import org.vecgrad.autodiff.op.Neg;
import org.vecgrad.autodiff.op.Pow;
import org.vecgrad.autodiff.op.Relu;
import org.vecgrad.autodiff.op.ReluBackward;
import org.vecgrad.autodiff.op.Reshape;
import org.vecgrad.autodiff.op.Scale;
import org.vecgrad.autodiff.op.Sigmoid;
import org.vecgrad.autodiff.op.SigmoidBackward;
import org.vecgrad.autodiff.op.Sign;
import org.vecgrad.autodiff.op.Slice;
import org.vecgrad.autodiff.op.SoftmaxCrossEntropy;
import org.vecgrad.autodiff.op.Softplus;
import org.vecgrad.autodiff.op.Sqrt;
import org.vecgrad.autodiff.op.Square;
import org.vecgrad.autodiff.op.Step;
import org.vecgrad.autodiff.op.Sub;
import org.vecgrad.autodiff.op.Sum;
import org.vecgrad.autodiff.op.SumAxis;
import org.vecgrad.autodiff.op.SumTo;
import org.vecgrad.autodiff.op.Tanh;
import org.vecgrad.autodiff.op.TanhBackward;
import org.vecgrad.autodiff.op.Trace;
import org.vecgrad.autodiff.op.Transpose;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * The test catalogue: one {@link OpSpec} per primitive op class of {@code org.vecgrad.autodiff.op}
 * and per composite of {@link Ops}. Every entry is verified by the same generated checks (finite
 * differences, the adjoint identity, Taylor slopes, shape errors), drives {@code ./vecgrad check},
 * and lends its move to random expression graphs. Adding an op means its file, one line in {@link
 * Ops} and one entry here; a meta-test fails for an op class without one.
 */
public final class OpCatalog {
  private static final List<OpSpec> ALL = build();

  private OpCatalog() {}

  /** Every entry, primitives first. */
  public static List<OpSpec> all() {
    return ALL;
  }

  /**
   * The entry of that name.
   *
   * @throws IllegalArgumentException naming the known entries if there is none
   */
  public static OpSpec get(String name) {
    return ALL.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "catalogue: no entry '"
                        + name
                        + "'; known: "
                        + ALL.stream().map(OpSpec::name).toList()));
  }

  // ------------------------------------------------------------------ helpers

  private static Shape[] shapes(Shape... s) {
    return s;
  }

  private static Domain[] domains(Domain... d) {
    return d;
  }

  private static boolean[] all(int n) {
    boolean[] b = new boolean[n];
    Arrays.fill(b, true);
    return b;
  }

  private static OpCase simple(String desc, Shape[] s, Domain[] d, TapeFunction f) {
    return new OpCase(desc, s, d, all(s.length), f, null);
  }

  private static BadCase bad(String expected, TapeFunction f, Shape... s) {
    return new BadCase(s, f, expected);
  }

  private static OpSpec entry(
      String name,
      Class<? extends Op> cls,
      Function<SplittableRandom, OpCase> sampler,
      Function<SplittableRandom, BadCase> badCase,
      GraphMove move) {
    return new OpSpec(name, cls, sampler, badCase, move, 1, false);
  }

  /** A unary elementwise op: any shape up to rank 3; rejects a second input. */
  private static OpSpec unary(
      String name, Class<? extends Op> cls, Domain d, UnaryOperator<Var> fn, Op op) {
    return entry(
        name,
        cls,
        rng -> simple(name, shapes(Shapes.random(rng, 0, 3, 3)), domains(d), x -> fn.apply(x[0])),
        op == null
            ? null
            : rng -> bad(name, x -> Ops.apply(op, x[0], x[1]), Shape.of(2), Shape.of(2)),
        Moves.unary(d, fn));
  }

  /** A broadcasting binary op; rejects [2, 3] with [4, 3]. */
  private static OpSpec binary(
      String name,
      Class<? extends Op> cls,
      Domain second,
      java.util.function.BinaryOperator<Var> fn) {
    return entry(
        name,
        cls,
        rng ->
            simple(
                name, Shapes.broadcastPair(rng), domains(ANY, second), x -> fn.apply(x[0], x[1])),
        rng -> bad(name, x -> fn.apply(x[0], x[1]), Shape.of(2, 3), Shape.of(4, 3)),
        Moves.broadcasting(second, fn));
  }

  /** A binary op on two operands of one shape (no broadcasting); rejects [2, 3] with [3, 2]. */
  private static OpSpec sameShape(
      String name,
      Class<? extends Op> cls,
      Domain second,
      java.util.function.BinaryOperator<Var> fn) {
    return entry(
        name,
        cls,
        rng -> {
          Shape s = Shapes.random(rng, 0, 3, 3);
          return simple(name, shapes(s, s), domains(ANY, second), x -> fn.apply(x[0], x[1]));
        },
        rng -> bad(name, x -> fn.apply(x[0], x[1]), Shape.of(2, 3), Shape.of(3, 2)),
        Moves.sameShape(second, fn));
  }

  private static int[] indices(int count, int bound, SplittableRandom rng) {
    int[] idx = new int[count];
    for (int i = 0; i < count; i++) {
      idx[i] = rng.nextInt(bound);
    }
    return idx;
  }

  private static Var onehotLike(Var z, SplittableRandom rng) {
    return Var.constant(ONE_HOT.sample(z.shape(), z.dtype(), rng));
  }

  // ------------------------------------------------------------------ the entries

  private static List<OpSpec> build() {
    List<OpSpec> c = new ArrayList<>();
    // arithmetic
    c.add(binary("add", Add.class, ANY, Ops::add));
    c.add(binary("sub", Sub.class, ANY, Ops::sub));
    c.add(binary("mul", Mul.class, ANY, Ops::mul));
    c.add(binary("div", Div.class, AWAY_FROM_KINK, Ops::div));
    c.add(unary("neg", Neg.class, ANY, Ops::neg, Neg.INSTANCE));
    c.add(
        entry(
            "scale",
            Scale.class,
            rng -> {
              double k = Math.rint(rng.nextDouble(-3, 3) * 8) / 8;
              return simple(
                  "scale(" + k + ")",
                  shapes(Shapes.random(rng, 0, 3, 3)),
                  domains(ANY),
                  x -> Ops.scale(x[0], k));
            },
            rng -> bad("scale", x -> Ops.apply(new Scale(2), x[0], x[1]), Shape.of(2), Shape.of(2)),
            Moves.unary(ANY, x -> Ops.scale(x, -1.5))));
    c.add(
        new OpSpec(
            "cast",
            Cast.class,
            rng ->
                simple(
                    "cast to the other dtype and back",
                    shapes(Shapes.random(rng, 0, 3, 3)),
                    domains(ANY),
                    x -> {
                      DType d = x[0].dtype();
                      DType other = d == DType.F64 ? DType.F32 : DType.F64;
                      return Ops.cast(Ops.cast(x[0], other), d);
                    }),
            rng ->
                bad(
                    "cast",
                    x -> Ops.apply(new Cast(DType.F32), x[0], x[1]),
                    Shape.of(2),
                    Shape.of(2)),
            null,
            1,
            true));
    // elementwise functions
    c.add(unary("square", Square.class, ANY, Ops::square, Square.INSTANCE));
    c.add(
        entry(
            "pow",
            Pow.class,
            rng -> {
              double[] ps = {2, 3, -1, 0.5, 1.5, 1, -0.5};
              double p = ps[rng.nextInt(ps.length)];
              boolean integer = p == Math.rint(p) && p > 0;
              return simple(
                  "pow(" + p + ")",
                  shapes(Shapes.random(rng, 0, 3, 3)),
                  domains(integer ? ANY : POSITIVE),
                  x -> Ops.pow(x[0], p));
            },
            rng -> bad("pow", x -> Ops.apply(new Pow(2), x[0], x[1]), Shape.of(2), Shape.of(2)),
            Moves.unary(POSITIVE, x -> Ops.pow(x, 1.5))));
    c.add(unary("sqrt", Sqrt.class, POSITIVE, Ops::sqrt, Sqrt.INSTANCE));
    c.add(unary("exp", Exp.class, ANY, Ops::exp, Exp.INSTANCE));
    c.add(unary("log", Log.class, POSITIVE, Ops::log, Log.INSTANCE));
    c.add(unary("abs", Abs.class, AWAY_FROM_KINK, Ops::abs, Abs.INSTANCE));
    c.add(unary("sign", Sign.class, AWAY_FROM_KINK, Ops::sign, Sign.INSTANCE));
    c.add(unary("step", Step.class, AWAY_FROM_KINK, Ops::step, Step.INSTANCE));
    c.add(unary("tanh", Tanh.class, ANY, Ops::tanh, Tanh.INSTANCE));
    c.add(unary("sigmoid", Sigmoid.class, ANY, Ops::sigmoid, Sigmoid.INSTANCE));
    c.add(unary("relu", Relu.class, AWAY_FROM_KINK, Ops::relu, Relu.INSTANCE));
    // the activations' fused backward ops (adjoint, then what the derivative is written in)
    c.add(sameShape("reluBackward", ReluBackward.class, AWAY_FROM_KINK, Ops::reluBackward));
    c.add(sameShape("tanhBackward", TanhBackward.class, ANY, Ops::tanhBackward));
    c.add(sameShape("sigmoidBackward", SigmoidBackward.class, ANY, Ops::sigmoidBackward));
    c.add(unary("softplus", Softplus.class, ANY, Ops::softplus, Softplus.INSTANCE));
    // linear algebra
    c.add(
        entry(
            "matmul",
            MatMul.class,
            rng -> {
              boolean ta = rng.nextBoolean();
              boolean tb = rng.nextBoolean();
              int m = 1 + rng.nextInt(4);
              int k = 1 + rng.nextInt(4);
              int n = 1 + rng.nextInt(4);
              return simple(
                  MatMul.of(ta, tb).label(),
                  shapes(
                      ta ? Shape.of(k, m) : Shape.of(m, k), tb ? Shape.of(n, k) : Shape.of(k, n)),
                  domains(ANY, ANY),
                  x -> Ops.matmul(x[0], x[1], ta, tb));
            },
            rng -> bad("matmul", x -> Ops.matmul(x[0], x[1]), Shape.of(2, 3), Shape.of(4, 5)),
            (g, rng) -> {
              Var a = g.pickRank(2, rng);
              if (a == null) {
                return null;
              }
              List<Var> ok =
                  g.nodes().stream()
                      .filter(b -> b.shape().rank() == 2 && b.shape().dim(0) == a.shape().dim(1))
                      .toList();
              return ok.isEmpty()
                  ? Ops.matmul(a, a, false, true)
                  : Ops.matmul(a, ok.get(rng.nextInt(ok.size())));
            }));
    c.add(
        entry(
            "affine",
            Affine.class,
            rng -> {
              int batch = 1 + rng.nextInt(4);
              int in = 1 + rng.nextInt(4);
              int out = 1 + rng.nextInt(4);
              return simple(
                  "affine",
                  shapes(Shape.of(batch, in), Shape.of(out, in), Shape.of(out)),
                  domains(ANY, ANY, ANY),
                  x -> Ops.affine(x[0], x[1], x[2]));
            },
            rng ->
                bad(
                    "affine",
                    x -> Ops.affine(x[0], x[1], x[2]),
                    Shape.of(2, 4),
                    Shape.of(3, 5),
                    Shape.of(3)),
            (g, rng) -> {
              Var x = g.pickRank(2, rng);
              if (x == null) {
                return null;
              }
              int in = x.shape().dim(1);
              List<Var> ws =
                  g.nodes().stream()
                      .filter(v -> v.shape().rank() == 2 && v.shape().dim(1) == in)
                      .toList();
              Var w = ws.get(rng.nextInt(ws.size())); // x itself qualifies
              Tensor bias = Tensor.randn(Shape.of(w.shape().dim(0)), rng.nextLong());
              Var b = Var.constant(bias.cast(x.dtype()));
              return Ops.affine(x, w, b);
            }));
    c.add(
        entry(
            "transpose",
            Transpose.class,
            rng ->
                simple(
                    "transpose",
                    shapes(Shapes.matrix(rng, 4)),
                    domains(ANY),
                    x -> Ops.transpose(x[0])),
            rng -> bad("transpose", x -> Ops.transpose(x[0]), Shape.of(2, 2, 2)),
            Moves.ranked(2, ANY, (x, rng) -> x.shape().rank() == 2 ? Ops.transpose(x) : null)));
    c.add(
        entry(
            "reshape",
            Reshape.class,
            rng -> {
              Shape s = Shapes.random(rng, 1, 3, 3);
              int[] rev = s.dims();
              for (int i = 0; i < rev.length / 2; i++) {
                int t = rev[i];
                rev[i] = rev[rev.length - 1 - i];
                rev[rev.length - 1 - i] = t;
              }
              Shape target = rng.nextBoolean() ? Shape.of(s.size()) : Shape.of(rev);
              return simple(
                  "reshape to " + target,
                  shapes(s),
                  domains(ANY),
                  x -> Ops.apply(new Reshape(target), x[0]));
            },
            rng -> bad("reshape", x -> Ops.reshape(x[0], Shape.of(7)), Shape.of(2, 3)),
            Moves.unary(ANY, x -> Ops.reshape(x, Shape.of(x.shape().size())))));
    c.add(
        entry(
            "trace",
            Trace.class,
            rng -> {
              int n = 1 + rng.nextInt(4);
              return simple("trace", shapes(Shape.of(n, n)), domains(ANY), x -> Ops.trace(x[0]));
            },
            rng -> bad("trace", x -> Ops.trace(x[0]), Shape.of(2, 3)),
            (g, rng) -> {
              Var a = g.pickRank(2, rng);
              return a == null ? null : Ops.trace(Ops.matmul(a, a, false, true));
            }));
    // reductions and broadcasting
    c.add(
        entry(
            "sum",
            Sum.class,
            rng ->
                simple(
                    "sum", shapes(Shapes.random(rng, 0, 3, 3)), domains(ANY), x -> Ops.sum(x[0])),
            rng -> bad("sum", x -> Ops.apply(Sum.INSTANCE, x[0], x[1]), Shape.of(2), Shape.of(2)),
            Moves.unary(ANY, Ops::sum)));
    c.add(axisEntry("sumAxis", SumAxis.class, ANY, (x, a, keep) -> Ops.sum(x, a, keep)));
    c.add(axisEntry("max", MaxAxis.class, DISTINCT, (x, a, keep) -> Ops.max(x, a, keep)));
    c.add(
        axisEntry("argmaxMask", ArgmaxMask.class, DISTINCT, (x, a, keep) -> Ops.argmaxMask(x, a)));
    c.add(
        axisEntry(
            "logSumExp",
            LogSumExp.class,
            ANY,
            (x, a, keep) -> Ops.logSumExp(x, a, keep),
            (x, a, keep) -> Ops.log(Ops.sum(Ops.exp(x), a, keep))));
    c.add(
        entry(
            "broadcastTo",
            BroadcastTo.class,
            rng -> {
              Shape big = Shapes.random(rng, 0, 3, 3);
              Shape small = Shapes.broadcastable(big, rng);
              return simple(
                  "broadcastTo" + big,
                  shapes(small),
                  domains(ANY),
                  x -> Ops.apply(new BroadcastTo(big), x[0]));
            },
            rng -> bad("broadcastTo", x -> Ops.broadcastTo(x[0], Shape.of(4)), Shape.of(3)),
            Moves.unary(ANY, x -> Ops.broadcastTo(x, prepend(2, x.shape())))));
    c.add(
        entry(
            "sumTo",
            SumTo.class,
            rng -> {
              Shape big = Shapes.random(rng, 0, 3, 3);
              Shape small = Shapes.broadcastable(big, rng);
              return simple(
                  "sumTo" + small,
                  shapes(big),
                  domains(ANY),
                  x -> Ops.apply(new SumTo(small), x[0]));
            },
            rng -> bad("sumTo", x -> Ops.sumTo(x[0], Shape.of(4)), Shape.of(3)),
            Moves.ranked(1, ANY, (x, rng) -> Ops.sumTo(x, Shapes.broadcastable(x.shape(), rng)))));
    // indexing and joining
    c.add(
        entry(
            "concat",
            Concat.class,
            rng -> {
              Shape base = Shapes.random(rng, 1, 3, 3);
              int axis = Shapes.axis(base, rng);
              int a = base.normalizeAxis(axis, "concat");
              Shape[] s = new Shape[1 + rng.nextInt(3)];
              Domain[] d = new Domain[s.length];
              for (int i = 0; i < s.length; i++) {
                int[] dims = base.dims();
                dims[a] = 1 + rng.nextInt(3);
                s[i] = Shape.of(dims);
                d[i] = ANY;
              }
              return simple("concat(axis=" + axis + ")", s, d, x -> Ops.concat(axis, x));
            },
            rng -> bad("concat", x -> Ops.concat(0, x[0], x[1]), Shape.of(2, 3), Shape.of(2, 4)),
            Moves.ranked(1, ANY, (x, rng) -> Ops.concat(-1, x, Ops.tanh(x)))));
    c.add(
        entry(
            "slice",
            Slice.class,
            rng -> {
              Shape s = Shapes.random(rng, 1, 3, 4);
              int axis = Shapes.axis(s, rng);
              int n = s.dim(s.normalizeAxis(axis, "slice"));
              int start = rng.nextInt(n);
              int end = start + 1 + rng.nextInt(n - start);
              return simple(
                  "slice(axis=" + axis + ", " + start + ":" + end + ")",
                  shapes(s),
                  domains(ANY),
                  x -> Ops.slice(x[0], axis, start, end));
            },
            rng -> bad("slice", x -> Ops.slice(x[0], 0, 1, 5), Shape.of(3)),
            Moves.ranked(
                1,
                ANY,
                (x, rng) -> {
                  int n = x.shape().dim(0);
                  int start = rng.nextInt(n);
                  return Ops.slice(x, 0, start, n);
                })));
    c.add(
        entry(
            "embed",
            Embed.class,
            rng -> {
              Shape s = Shapes.random(rng, 1, 3, 3);
              int axis = Shapes.axis(s, rng);
              int n = s.dim(s.normalizeAxis(axis, "embed"));
              int extra = rng.nextInt(3);
              int start = rng.nextInt(extra + 1);
              return simple(
                  "embed(axis=" + axis + ", at " + start + " of " + (n + extra) + ")",
                  shapes(s),
                  domains(ANY),
                  x -> Ops.embed(x[0], axis, start, n + extra));
            },
            rng -> bad("embed", x -> Ops.embed(x[0], 0, 2, 3), Shape.of(3)),
            Moves.ranked(1, ANY, (x, rng) -> Ops.embed(x, 0, 1, x.shape().dim(0) + 2))));
    c.add(
        entry(
            "indexSelect",
            IndexSelect.class,
            rng -> {
              Shape s = Shapes.random(rng, 1, 3, 3);
              int[] idx = indices(1 + rng.nextInt(4), s.dim(0), rng);
              return simple(
                  "indexSelect" + Arrays.toString(idx),
                  shapes(s),
                  domains(ANY),
                  x -> Ops.indexSelect(x[0], idx));
            },
            rng -> bad("indexSelect", x -> Ops.indexSelect(x[0], new int[] {0, 3}), Shape.of(3)),
            Moves.ranked(
                1, ANY, (x, rng) -> Ops.indexSelect(x, indices(3, x.shape().dim(0), rng)))));
    c.add(
        entry(
            "indexAdd",
            IndexAdd.class,
            rng -> {
              int rows = 1 + rng.nextInt(3);
              int[] idx = indices(1 + rng.nextInt(4), rows, rng);
              int[] dims = Shapes.random(rng, 1, 3, 3).dims();
              dims[0] = idx.length;
              return simple(
                  "indexAdd" + Arrays.toString(idx) + " into " + rows,
                  shapes(Shape.of(dims)),
                  domains(ANY),
                  x -> Ops.indexAdd(x[0], idx, rows));
            },
            rng -> bad("indexAdd", x -> Ops.indexAdd(x[0], new int[] {0, 1}, 2), Shape.of(3)),
            Moves.ranked(
                1, ANY, (x, rng) -> Ops.indexAdd(x, indices(x.shape().dim(0), 2, rng), 2))));
    // softmax family and losses
    c.add(
        entry(
            "softmaxCrossEntropy",
            SoftmaxCrossEntropy.class,
            rng -> {
              Shape s = Shape.of(1 + rng.nextInt(4), 2 + rng.nextInt(3));
              return new OpCase(
                  "softmaxCrossEntropy",
                  shapes(s, s),
                  domains(ANY, ONE_HOT),
                  all(2),
                  x -> Ops.softmaxCrossEntropy(x[0], x[1]),
                  x -> Ops.scale(Ops.sum(Ops.mul(x[1], Ops.logSoftmax(x[0], 1))), -1.0 / s.dim(0)));
            },
            rng ->
                bad(
                    "softmaxCrossEntropy",
                    x -> Ops.softmaxCrossEntropy(x[0], x[1]),
                    Shape.of(2, 3),
                    Shape.of(2, 4)),
            (g, rng) -> {
              Var z = g.pickRank(2, rng);
              return z == null ? null : Ops.softmaxCrossEntropy(z, onehotLike(z, rng));
            }));
    // composites of primitives (no class of their own)
    c.add(
        axisEntry(
            "softmax",
            "logSumExp",
            null,
            ANY,
            (x, a, keep) -> Ops.softmax(x, a),
            (x, a, keep) -> Ops.div(Ops.exp(x), Ops.sum(Ops.exp(x), a, true))));
    c.add(
        axisEntry(
            "logSoftmax",
            "logSumExp",
            null,
            ANY,
            (x, a, keep) -> Ops.logSoftmax(x, a),
            (x, a, keep) -> Ops.log(Ops.div(Ops.exp(x), Ops.sum(Ops.exp(x), a, true)))));
    c.add(
        entry(
            "vec",
            null,
            rng -> simple("vec", shapes(Shapes.matrix(rng, 4)), domains(ANY), x -> Ops.vec(x[0])),
            rng -> bad("vec", x -> Ops.vec(x[0]), Shape.of(2, 2, 2)),
            Moves.ranked(2, ANY, (x, rng) -> x.shape().rank() == 2 ? Ops.vec(x) : null)));
    c.add(
        entry(
            "mat",
            null,
            rng -> {
              int r = 1 + rng.nextInt(3);
              int k = 1 + rng.nextInt(3);
              return simple(
                  "mat(" + r + "×" + k + ")",
                  shapes(Shape.of(r * k)),
                  domains(ANY),
                  x -> Ops.mat(x[0], r, k));
            },
            rng -> bad("mat", x -> Ops.mat(x[0], 2, 2), Shape.of(5)),
            null));
    c.add(
        entry(
            "kronApply",
            null,
            rng -> {
              int p = 1 + rng.nextInt(3);
              int q = 1 + rng.nextInt(3);
              int r = 1 + rng.nextInt(3);
              int s = 1 + rng.nextInt(3);
              return simple(
                  "kronApply",
                  shapes(Shape.of(p, q), Shape.of(r, s), Shape.of(q * s)),
                  domains(ANY, ANY, ANY),
                  x -> Ops.kronApply(x[0], x[1], x[2]));
            },
            rng ->
                bad(
                    "kronApply",
                    x -> Ops.kronApply(x[0], x[1], x[2]),
                    Shape.of(2, 2),
                    Shape.of(2, 2),
                    Shape.of(5)),
            null));
    c.add(
        entry(
            "dot",
            null,
            rng -> {
              Shape s = Shapes.random(rng, 0, 3, 3);
              return simple("dot", shapes(s, s), domains(ANY, ANY), x -> Ops.dot(x[0], x[1]));
            },
            rng -> bad("dot", x -> Ops.dot(x[0], x[1]), Shape.of(2), Shape.of(3)),
            Moves.sameShape(Ops::dot)));
    c.add(
        entry(
            "frobeniusNorm",
            null,
            rng ->
                new OpCase(
                    "frobeniusNorm",
                    shapes(Shapes.random(rng, 1, 3, 3)),
                    domains(AWAY_FROM_KINK),
                    all(1),
                    x -> Ops.frobeniusNorm(x[0]),
                    x -> Var.constant(Tensor.scalar(x[0].value().norm(), x[0].dtype()))),
            null,
            Moves.unary(ANY, x -> Ops.frobeniusNorm(Ops.add(Ops.softplus(x), 0.5)))));
    c.add(unary("mean", null, ANY, Ops::mean, null));
    c.add(axisEntry("meanAxis", "mean", null, ANY, (x, a, keep) -> Ops.mean(x, a, keep), null));
    c.add(
        entry(
            "squaredError",
            null,
            rng -> {
              Shape s = Shapes.random(rng, 0, 3, 3);
              return simple(
                  "squaredError",
                  shapes(s, s),
                  domains(ANY, ANY),
                  x -> Ops.squaredError(x[0], x[1]));
            },
            null,
            Moves.sameShape(Ops::squaredError)));
    c.add(
        entry(
            "hinge",
            null,
            rng -> {
              Shape s = Shapes.random(rng, 0, 3, 3);
              return simple(
                  "hinge", shapes(s, s), domains(HINGE_MARGIN, SIGNS), x -> Ops.hinge(x[0], x[1]));
            },
            null,
            null));
    c.add(
        entry(
            "maxAll",
            null,
            rng ->
                simple(
                    "max (all elements)",
                    shapes(Shapes.random(rng, 0, 3, 3)),
                    domains(DISTINCT),
                    x -> Ops.max(x[0])),
            null,
            Moves.unary(DISTINCT, Ops::max)));
    c.add(
        entry(
            "rsub",
            null,
            rng ->
                simple(
                    "1.5 − x",
                    shapes(Shapes.random(rng, 0, 3, 3)),
                    domains(ANY),
                    x -> Ops.sub(1.5, x[0])),
            null,
            null));
    c.add(
        entry(
            "rdiv",
            null,
            rng ->
                simple(
                    "2 / x",
                    shapes(Shapes.random(rng, 0, 3, 3)),
                    domains(AWAY_FROM_KINK),
                    x -> Ops.div(2, x[0])),
            null,
            Moves.unary(AWAY_FROM_KINK, x -> Ops.div(2, x))));
    return List.copyOf(c);
  }

  private static Shape prepend(int n, Shape s) {
    int[] d = new int[s.rank() + 1];
    d[0] = n;
    System.arraycopy(s.dims(), 0, d, 1, s.rank());
    return Shape.of(d);
  }

  /** An op along an axis of a tensor of rank 1 to 3. */
  @FunctionalInterface
  private interface AxisFn {
    Var apply(Var x, int axis, boolean keep);
  }

  private static OpSpec axisEntry(String name, Class<? extends Op> cls, Domain d, AxisFn fn) {
    return axisEntry(name, cls, d, fn, null);
  }

  private static OpSpec axisEntry(
      String name, Class<? extends Op> cls, Domain d, AxisFn fn, AxisFn reference) {
    return axisEntry(name, name, cls, d, fn, reference);
  }

  /** {@code rejectedBy}: the op expected to name itself in the error for a bad axis. */
  private static OpSpec axisEntry(
      String name,
      String rejectedBy,
      Class<? extends Op> cls,
      Domain d,
      AxisFn fn,
      AxisFn reference) {
    return entry(
        name,
        cls,
        rng -> {
          Shape s = Shapes.random(rng, 1, 3, 3);
          int axis = Shapes.axis(s, rng);
          boolean keep = rng.nextBoolean();
          return new OpCase(
              name + "(axis=" + axis + (keep ? ", keep" : "") + ")",
              shapes(s),
              domains(d),
              all(1),
              x -> fn.apply(x[0], axis, keep),
              reference == null ? null : x -> reference.apply(x[0], axis, keep));
        },
        rng -> bad(rejectedBy, x -> fn.apply(x[0], 2, false), Shape.of(2, 2)),
        Moves.ranked(
            1, d, (x, rng) -> fn.apply(x, Shapes.axis(x.shape(), rng), rng.nextBoolean())));
  }
}
