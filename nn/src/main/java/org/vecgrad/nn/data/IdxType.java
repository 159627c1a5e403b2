package org.vecgrad.nn.data;

import java.nio.ByteBuffer;

/**
 * Element types of the IDX format (LeCun's MNIST files), by the type byte of the magic number. All
 * multi-byte values are big-endian. Each constant knows how to read, write and range-check its
 * elements.
 */
public enum IdxType {
  /** 0x08: unsigned byte (pixels, labels). */
  UBYTE(0x08, 1, 0, 255) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.get(i) & 0xFF;
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.put(i, (byte) v);
    }
  },
  /** 0x09: signed byte. */
  BYTE(0x09, 1, Byte.MIN_VALUE, Byte.MAX_VALUE) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.get(i);
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.put(i, (byte) v);
    }
  },
  /** 0x0B: 16-bit signed integer. */
  SHORT(0x0B, 2, Short.MIN_VALUE, Short.MAX_VALUE) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.getShort(2 * i);
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.putShort(2 * i, (short) v);
    }
  },
  /** 0x0C: 32-bit signed integer. */
  INT(0x0C, 4, Integer.MIN_VALUE, Integer.MAX_VALUE) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.getInt(4 * i);
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.putInt(4 * i, (int) v);
    }
  },
  /** 0x0D: 32-bit float. */
  FLOAT(0x0D, 4, Double.NaN, Double.NaN) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.getFloat(4 * i);
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.putFloat(4 * i, (float) v);
    }

    @Override
    boolean represents(double v) {
      return Double.isNaN(v) || (float) v == v;
    }
  },
  /** 0x0E: 64-bit float. */
  DOUBLE(0x0E, 8, Double.NaN, Double.NaN) {
    @Override
    double get(ByteBuffer buf, int i) {
      return buf.getDouble(8 * i);
    }

    @Override
    void put(ByteBuffer buf, int i, double v) {
      buf.putDouble(8 * i, v);
    }

    @Override
    boolean represents(double v) {
      return true;
    }
  };

  private final int code;
  private final int bytes;
  private final double min;
  private final double max;

  IdxType(int code, int bytes, double min, double max) {
    this.code = code;
    this.bytes = bytes;
    this.min = min;
    this.max = max;
  }

  /** The type byte. */
  public int code() {
    return code;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** The type for a type byte, or null if unknown. */
  public static IdxType of(int code) {
    for (IdxType t : values()) {
      if (t.code == code) {
        return t;
      }
    }
    return null;
  }

  /** Reads element {@code i} of a big-endian buffer. */
  abstract double get(ByteBuffer buf, int i);

  /** Writes element {@code i}; the caller has checked {@link #represents}. */
  abstract void put(ByteBuffer buf, int i, double v);

  /** True if {@code v} is stored exactly (integer types: an integer within range). */
  boolean represents(double v) {
    return v == Math.rint(v) && v >= min && v <= max;
  }
}
