package org.vecgrad.testing;

import org.vecgrad.check.TapeFunction;
import org.vecgrad.tensor.Shape;

/**
 * Inputs an op must reject: applying {@code function} to zeros of these shapes must throw an {@link
 * IllegalArgumentException} whose message contains {@code expected} (the op's name).
 *
 * @param shapes the offending input shapes
 * @param function the op applied to them
 * @param expected text the error message must contain
 */
public record BadCase(Shape[] shapes, TapeFunction function, String expected) {}
