package org.vecgrad.nn.data;

import java.nio.ByteBuffer;

/**
 * Element types of the IDX format (LeCun's MNIST files), by the type byte of the magic number. All
 * multi-byte values are big-endian.
 */
public enum IdxType {
  /** 0x08: unsigned byte (pixels, labels). */
  UBYTE(0x08, 1),
  /** 0x09: signed byte. */
  BYTE(0x09, 1),
  /** 0x0B: 16-bit signed integer. */
  SHORT(0x0B, 2),
  /** 0x0C: 32-bit signed integer. */
  INT(0x0C, 4),
  /** 0x0D: 32-bit float. */
  FLOAT(0x0D, 4),
  /** 0x0E: 64-bit float. */
  DOUBLE(0x0E, 8);

  private final int code;
  private final int bytes;

  IdxType(int code, int bytes) {
    this.code = code;
    this.bytes = bytes;
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
  double get(ByteBuffer buf, int i) {
    switch (this) {
      case UBYTE:
        return buf.get(i) & 0xFF;
      case BYTE:
        return buf.get(i);
      case SHORT:
        return buf.getShort(i * 2);
      case INT:
        return buf.getInt(i * 4);
      case FLOAT:
        return buf.getFloat(i * 4);
      default:
        return buf.getDouble(i * 8);
    }
  }

  /** Writes element {@code i}; the caller has checked that v is representable. */
  void put(ByteBuffer buf, int i, double v) {
    switch (this) {
      case UBYTE:
      case BYTE:
        buf.put(i, (byte) v);
        break;
      case SHORT:
        buf.putShort(i * 2, (short) v);
        break;
      case INT:
        buf.putInt(i * 4, (int) v);
        break;
      case FLOAT:
        buf.putFloat(i * 4, (float) v);
        break;
      default:
        buf.putDouble(i * 8, v);
    }
  }

  /** True if {@code v} is stored exactly by this type. */
  boolean represents(double v) {
    switch (this) {
      case UBYTE:
        return v == Math.rint(v) && v >= 0 && v <= 255;
      case BYTE:
        return v == Math.rint(v) && v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
      case SHORT:
        return v == Math.rint(v) && v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
      case INT:
        return v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      case FLOAT:
        return Double.isNaN(v) || (float) v == v;
      default:
        return true;
    }
  }
}
