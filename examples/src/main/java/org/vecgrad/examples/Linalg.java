package org.vecgrad.examples;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/** Dense decompositions the examples need, through EJML, on vecgrad tensors. */
final class Linalg {
  private Linalg() {}

  static DMatrixRMaj toEjml(Tensor t) {
    if (t.rank() != 2) {
      throw new IllegalArgumentException("toEjml: needs a matrix, got " + t.shape());
    }
    return new DMatrixRMaj(t.shape().dim(0), t.shape().dim(1), true, t.toDoubleArray());
  }

  static Tensor fromEjml(DMatrixRMaj m) {
    return Tensor.of(Shape.of(m.numRows, m.numCols), Arrays.copyOf(m.data, m.numRows * m.numCols));
  }

  /** Eigenvalues of a symmetric matrix, in decreasing order. */
  static double[] symmetricEigenvalues(Tensor a) {
    DMatrixRMaj m = toEjml(a);
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false, true);
    if (!eig.decompose(m)) {
      throw new IllegalStateException(
          "symmetricEigenvalues: EJML failed to decompose " + a.shape());
    }
    double[] ev = new double[m.numRows];
    for (int i = 0; i < ev.length; i++) {
      ev[i] = eig.getEigenvalue(i).getReal();
    }
    Arrays.sort(ev);
    for (int i = 0; i < ev.length / 2; i++) {
      double t = ev[i];
      ev[i] = ev[ev.length - 1 - i];
      ev[ev.length - 1 - i] = t;
    }
    return ev;
  }

  /** Singular values in decreasing order. */
  static double[] singularValues(Tensor a) {
    double[] s = SingularOps_DDRM.singularValues(toEjml(a));
    Arrays.sort(s);
    for (int i = 0; i < s.length / 2; i++) {
      double t = s[i];
      s[i] = s[s.length - 1 - i];
      s[s.length - 1 - i] = t;
    }
    return s;
  }

  /** A random orthogonal n×n matrix: the Q of the QR decomposition of a Gaussian matrix. */
  static Tensor randomOrthogonal(int n, SplittableRandom rng) {
    DMatrixRMaj g = toEjml(Tensor.randn(Shape.of(n, n), rng));
    QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(n, n);
    if (!qr.decompose(g)) {
      throw new IllegalStateException("randomOrthogonal: QR failed");
    }
    return fromEjml(qr.getQ(null, false));
  }

  /** {@code V · diag(d) · Vᵀ}. */
  static Tensor fromEigen(Tensor v, double[] d) {
    DMatrixRMaj vm = toEjml(v);
    DMatrixRMaj vd = vm.copy();
    for (int i = 0; i < vd.numRows; i++) {
      for (int j = 0; j < vd.numCols; j++) {
        vd.set(i, j, vm.get(i, j) * d[j]);
      }
    }
    DMatrixRMaj out = new DMatrixRMaj(vm.numRows, vm.numRows);
    CommonOps_DDRM.multTransB(vd, vm, out);
    return fromEjml(out);
  }

  /** {@code Vᵀ · A · V}. */
  static Tensor rotate(Tensor a, Tensor v) {
    DMatrixRMaj vm = toEjml(v);
    DMatrixRMaj av = new DMatrixRMaj(vm.numRows, vm.numCols);
    CommonOps_DDRM.mult(toEjml(a), vm, av);
    DMatrixRMaj out = new DMatrixRMaj(vm.numCols, vm.numCols);
    CommonOps_DDRM.multTransA(vm, av, out);
    return fromEjml(out);
  }
}
