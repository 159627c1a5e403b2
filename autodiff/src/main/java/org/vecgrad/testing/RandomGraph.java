package org.vecgrad.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.vecgrad.autodiff.Tape;
import org.vecgrad.autodiff.Var;
import org.vecgrad.check.AdjointReport;
import org.vecgrad.check.AdjointTest;
import org.vecgrad.check.CheckReport;
import org.vecgrad.check.FiniteDifferenceCheck;
import org.vecgrad.check.TapeFunction;
import org.vecgrad.check.TaylorTest;
import org.vecgrad.check.Tolerances;
import org.vecgrad.tensor.DType;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * A random expression graph drawn from the catalogue's moves, fully determined by {@code (seed,
 * nodes, maxDim)}: the same triple always builds the same graph, so a failure replays from the
 * three numbers it prints. Moves choose their arguments by shape only, so the graph is rebuilt
 * identically at every point the checks evaluate it.
 *
 * <pre>{@code
 * RandomGraph g = RandomGraph.of(1234, 6, 3);
 * RandomGraph.Outcome o = g.check(DType.F64);   // finite differences, adjoint and Taylor tests
 * }</pre>
 *
 * @param seed the seed of every random choice
 * @param nodes the number of moves attempted
 * @param maxDim the largest dimension of the input shapes
 */
public record RandomGraph(long seed, int nodes, int maxDim) {
  private static final List<OpSpec> MOVES =
      OpCatalog.all().stream().filter(s -> s.move() != null).toList();
  private static final long MOVE_STREAM = 0x9E3779B97F4A7C15L;
  private static final int POINT_ATTEMPTS = 8;

  /** Checks the arguments. */
  public RandomGraph {
    if (nodes < 1 || maxDim < 1) {
      throw new IllegalArgumentException(
          "random graph: need nodes >= 1 and maxDim >= 1, got " + nodes + ", " + maxDim);
    }
  }

  /** The graph of that seed and size. */
  public static RandomGraph of(long seed, int nodes, int maxDim) {
    return new RandomGraph(seed, nodes, maxDim);
  }

  /** The input shapes: one to three matrices or vectors sharing dimensions, so moves combine. */
  public Shape[] inputShapes() {
    SplittableRandom rng = new SplittableRandom(seed);
    int m = 1 + rng.nextInt(maxDim);
    int n = 1 + rng.nextInt(maxDim);
    Shape[] s = new Shape[1 + rng.nextInt(3)];
    for (int i = 0; i < s.length; i++) {
      int kind = rng.nextInt(4);
      s[i] = kind == 0 ? Shape.of(n) : kind == 1 ? Shape.of(n, m) : Shape.of(m, n);
    }
    return s;
  }

  /** Builds the graph on the given inputs. */
  public GraphContext build(Var... inputs) {
    SplittableRandom rng = new SplittableRandom(seed ^ MOVE_STREAM);
    GraphContext g = new GraphContext(inputs);
    for (int i = 0; i < nodes; i++) {
      OpSpec spec = MOVES.get(rng.nextInt(MOVES.size()));
      Var v = spec.move().apply(g, rng);
      if (v != null) {
        g.add(spec.name(), v);
      }
    }
    return g;
  }

  /** The graph as a function of its inputs: its last node. */
  public TapeFunction function() {
    return x -> {
      List<Var> all = build(x).nodes();
      return all.get(all.size() - 1);
    };
  }

  /** The moves taken, e.g. {@code [matmul, tanh, sumAxis]}. */
  public List<String> steps() {
    try (Tape tape = new Tape()) {
      Shape[] s = inputShapes();
      Var[] in = new Var[s.length];
      for (int i = 0; i < s.length; i++) {
        in[i] = tape.variable("x" + i, Tensor.zeros(s[i], DType.F64));
      }
      return List.copyOf(build(in).steps());
    }
  }

  /**
   * A point where every value the graph's ops see lies in their domains (away from kinks, no ties,
   * moderate size), or null if none was found in a few draws.
   */
  public Tensor[] point(DType dtype) {
    SplittableRandom rng = new SplittableRandom(seed + 1);
    Shape[] s = inputShapes();
    for (int attempt = 0; attempt < POINT_ATTEMPTS; attempt++) {
      Tensor[] x = new Tensor[s.length];
      for (int i = 0; i < s.length; i++) {
        x[i] = Domains.ANY.sample(s[i], dtype, rng);
      }
      try (Tape tape = new Tape()) {
        Var[] in = new Var[x.length];
        for (int i = 0; i < x.length; i++) {
          in[i] = tape.variable("x" + i, x[i]);
        }
        if (build(in).violation() == null) {
          return x;
        }
      }
    }
    return null;
  }

  /**
   * What checking a graph gave.
   *
   * @param graph the graph
   * @param dtype the dtype checked
   * @param skipped true if no admissible point was found (nothing was checked)
   * @param failure the failed report's text, or null
   */
  public record Outcome(RandomGraph graph, DType dtype, boolean skipped, String failure) {
    /** True unless a check failed. */
    public boolean passed() {
      return failure == null;
    }
  }

  /**
   * Finite differences, the adjoint identity and the Taylor test of the graph at an admissible
   * point, with the dtype's tolerances loosened tenfold (graphs chain many rounded ops).
   */
  public Outcome check(DType dtype) {
    Tensor[] x;
    try {
      x = point(dtype);
    } catch (RuntimeException e) {
      return new Outcome(this, dtype, false, "building the graph threw " + e);
    }
    if (x == null) {
      return new Outcome(this, dtype, true, null);
    }
    Tolerances tol = Tolerances.of(dtype).loosened(10);
    TapeFunction f = function();
    List<CheckReport> reports = new ArrayList<>();
    try {
      reports.add(FiniteDifferenceCheck.of(f, x).tolerances(tol).seed(seed).maxElements(24).run());
      AdjointReport a = AdjointTest.ofFunction(f, x).tolerances(tol).seed(seed).run();
      reports.add(a);
      reports.add(TaylorTest.of(f, x).tolerances(tol).seed(seed).steps(0.02, 0.5, 10).run());
    } catch (RuntimeException e) {
      return new Outcome(this, dtype, false, "threw " + e);
    }
    for (CheckReport r : reports) {
      if (!r.passed()) {
        return new Outcome(this, dtype, false, r.toString());
      }
    }
    return new Outcome(this, dtype, false, null);
  }

  /**
   * The smallest graph (fewest nodes, then smallest dimensions) of the same seed that still fails
   * in {@code dtype}, or this graph if none smaller does. Fewer nodes means a prefix of the same
   * random choices, so shrinking keeps the structure that failed.
   */
  public RandomGraph shrink(DType dtype) {
    return shrink(g -> !g.check(dtype).passed());
  }

  /** The smallest graph of the same seed for which {@code fails} holds (this one if none). */
  public RandomGraph shrink(java.util.function.Predicate<RandomGraph> fails) {
    RandomGraph best = this;
    for (int d = 1; d <= maxDim; d++) {
      for (int n = 1; n <= best.nodes; n++) {
        if (n == best.nodes && d >= best.maxDim) {
          break;
        }
        RandomGraph g = of(seed, n, d);
        if (fails.test(g)) {
          best = g;
          break;
        }
      }
    }
    return best;
  }

  /** Text that names the graph and how to replay it. */
  public String replay() {
    return "RandomGraph.of("
        + seed
        + ", "
        + nodes
        + ", "
        + maxDim
        + ") with inputs "
        + java.util.Arrays.toString(inputShapes())
        + " and steps "
        + steps();
  }
}
