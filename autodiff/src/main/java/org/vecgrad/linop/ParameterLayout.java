package org.vecgrad.linop;

import java.util.Arrays;
import org.vecgrad.autodiff.Var;
import org.vecgrad.tensor.Shape;
import org.vecgrad.tensor.Tensor;

/**
 * Packs several named tensors (a layer's {@code W} and {@code b}, a whole model's parameters) into
 * one flat vector, so that solvers see one vector: entry i occupies {@code [offset(i), offset(i) +
 * shape(i).size())} of the flat vector, in the order given, each in its own row-major order.
 *
 * <pre>{@code
 * ParameterLayout layout = ParameterLayout.of(W, b);      // names and shapes from the Vars
 * Tensor flat = layout.pack(dW, db);                      // shape [W.size + b.size]
 * Tensor[] parts = layout.unpack(flat);                   // {dW, db} again
 * }</pre>
 */
public final class ParameterLayout {
  private final String[] names;
  private final Shape[] shapes;
  private final int[] offsets;
  private final int size;

  private ParameterLayout(String[] names, Shape[] shapes) {
    if (names.length == 0) {
      throw new IllegalArgumentException("ParameterLayout: no entries");
    }
    this.names = names;
    this.shapes = shapes;
    this.offsets = new int[shapes.length];
    long total = 0;
    for (int i = 0; i < shapes.length; i++) {
      if (shapes[i] == null) {
        throw new IllegalArgumentException("ParameterLayout: shape of '" + names[i] + "' is null");
      }
      offsets[i] = (int) total;
      total += shapes[i].size();
    }
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("ParameterLayout: " + total + " elements do not fit");
    }
    this.size = (int) total;
  }

  /** The layout of the given Vars (their names, or {@code x<index>} when unnamed, and shapes). */
  public static ParameterLayout of(Var... vars) {
    if (vars == null) {
      throw new IllegalArgumentException("ParameterLayout.of: vars is null");
    }
    String[] names = new String[vars.length];
    Shape[] shapes = new Shape[vars.length];
    for (int i = 0; i < vars.length; i++) {
      if (vars[i] == null) {
        throw new IllegalArgumentException("ParameterLayout.of: input " + i + " is null");
      }
      names[i] = vars[i].name() != null ? vars[i].name() : "x" + vars[i].index();
      shapes[i] = vars[i].shape();
    }
    return new ParameterLayout(names, shapes);
  }

  /** A layout from names and shapes given side by side. */
  public static ParameterLayout of(String[] names, Shape[] shapes) {
    if (names == null || shapes == null || names.length != shapes.length) {
      throw new IllegalArgumentException("ParameterLayout.of: names and shapes must pair up");
    }
    return new ParameterLayout(names.clone(), shapes.clone());
  }

  /** Number of entries. */
  public int count() {
    return names.length;
  }

  /** Total number of elements: the length of the flat vector. */
  public int size() {
    return size;
  }

  /** The flat vector's shape, {@code [size()]}. */
  public Shape shape() {
    return Shape.of(size);
  }

  /** Name of entry i. */
  public String name(int i) {
    return names[check(i)];
  }

  /** Shape of entry i. */
  public Shape shape(int i) {
    return shapes[check(i)];
  }

  /** Offset of entry i in the flat vector. */
  public int offset(int i) {
    return offsets[check(i)];
  }

  /**
   * Concatenates the parts (shapes as in the layout) into one flat F64 vector.
   *
   * @throws IllegalArgumentException on a wrong number of parts or a wrong shape
   */
  public Tensor pack(Tensor... parts) {
    if (parts == null || parts.length != names.length) {
      throw new IllegalArgumentException(
          "ParameterLayout.pack: "
              + (parts == null ? "null" : parts.length + " parts")
              + " for a layout of "
              + names.length
              + " entries "
              + this);
    }
    double[] out = new double[size];
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null || !parts[i].shape().equals(shapes[i])) {
        OperatorArgs.require("ParameterLayout.pack '" + names[i] + "'", shapes[i], parts[i]);
      }
      System.arraycopy(parts[i].readF64(), 0, out, offsets[i], shapes[i].size());
    }
    return Tensor.wrap(shape(), out);
  }

  /**
   * Splits a flat vector into its parts, shaped as in the layout.
   *
   * @throws IllegalArgumentException if flat is not of shape {@code [size()]}
   */
  public Tensor[] unpack(Tensor flat) {
    if (flat == null || !flat.shape().equals(shape())) {
      OperatorArgs.require("ParameterLayout.unpack " + this, shape(), flat);
    }
    double[] x = flat.readF64();
    Tensor[] parts = new Tensor[names.length];
    for (int i = 0; i < parts.length; i++) {
      parts[i] =
          Tensor.wrap(shapes[i], Arrays.copyOfRange(x, offsets[i], offsets[i] + shapes[i].size()));
    }
    return parts;
  }

  private int check(int i) {
    if (i < 0 || i >= names.length) {
      throw new IllegalArgumentException(
          "ParameterLayout: entry " + i + " out of range (" + names.length + " entries)");
    }
    return i;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < names.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(names[i]).append(shapes[i]);
    }
    return sb.append("]").toString();
  }
}
