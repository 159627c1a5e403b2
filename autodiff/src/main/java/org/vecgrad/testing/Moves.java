package org.vecgrad.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.vecgrad.autodiff.Ops;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;

/** Building blocks of the catalogue's {@link GraphMove}s. */
final class Moves {
  private Moves() {}

  /**
   * A unary move. Inputs of a positive domain are passed through {@code softplus(x) + 0.5} (a
   * random node is rarely positive); other domains are declared as requirements of the point.
   */
  static GraphMove unary(Domain domain, UnaryOperator<Var> fn) {
    return (g, rng) -> {
      Var x = g.pick(rng);
      if (domain == Domains.POSITIVE) {
        x = Ops.add(Ops.softplus(x), 0.5);
      } else if (domain != Domains.ANY && domain != Domains.BOUNDED) {
        g.require(x, domain);
      }
      return fn.apply(x);
    };
  }

  /** A unary move on a node of rank at least {@code minRank}. */
  static GraphMove ranked(int minRank, Domain domain, Shaped fn) {
    return (g, rng) -> {
      List<Var> ok = g.nodes().stream().filter(v -> v.shape().rank() >= minRank).toList();
      if (ok.isEmpty()) {
        return null;
      }
      Var x = ok.get(rng.nextInt(ok.size()));
      if (domain != Domains.ANY) {
        g.require(x, domain);
      }
      return fn.apply(x, rng);
    };
  }

  /** A node-dependent function that may draw parameters (an axis) from shapes and rng. */
  @FunctionalInterface
  interface Shaped {
    Var apply(Var x, SplittableRandom rng);
  }

  /**
   * A binary move whose second argument broadcasts with the first (possibly the same node); the
   * second argument must lie in {@code second}.
   */
  static GraphMove broadcasting(Domain second, BinaryOperator<Var> fn) {
    return (g, rng) -> {
      Var a = g.pick(rng);
      List<Var> ok = g.nodes().stream().filter(b -> compatible(a.shape(), b.shape())).toList();
      Var b = ok.get(rng.nextInt(ok.size()));
      if (second != Domains.ANY) {
        g.require(b, second);
      }
      return fn.apply(a, b);
    };
  }

  /** A binary move on two nodes of one shape (possibly the same node). */
  static GraphMove sameShape(BinaryOperator<Var> fn) {
    return sameShape(Domains.ANY, fn);
  }

  /**
   * A binary move on two nodes of one shape (possibly the same node); the second must lie in {@code
   * second}.
   */
  static GraphMove sameShape(Domain second, BinaryOperator<Var> fn) {
    return (g, rng) -> {
      Var a = g.pick(rng);
      List<Var> ok = g.nodes().stream().filter(b -> b.shape().equals(a.shape())).toList();
      Var b = ok.get(rng.nextInt(ok.size()));
      if (second != Domains.ANY) {
        g.require(b, second);
      }
      return fn.apply(a, b);
    };
  }

  static boolean compatible(Shape a, Shape b) {
    int r = Math.max(a.rank(), b.rank());
    for (int i = 1; i <= r; i++) {
      int da = i <= a.rank() ? a.dim(a.rank() - i) : 1;
      int db = i <= b.rank() ? b.dim(b.rank() - i) : 1;
      if (da != db && da != 1 && db != 1) {
        return false;
      }
    }
    return true;
  }
}
