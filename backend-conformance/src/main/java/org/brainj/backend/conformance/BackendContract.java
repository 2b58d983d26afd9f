package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * The base of every part of the conformance kit: the backend under test and the helpers that
 * build operands and compare results with references computed in the test.
 */
public abstract class BackendContract {
    /** The backend under test; a fresh or a shared instance, as the backend likes. */
    protected abstract Backend backend();

    /**
     * A second instance of the backend, for transfers between two backends. Override it where
     * instances can differ (another device); by default it is {@link #backend()}.
     */
    protected Backend secondBackend() {
        return backend();
    }

    /** A tensor of {@code dtype} holding {@code values} (converted as the dtype stores them). */
    protected Tensor tensor(DType dtype, double[] values, int... shape) {
        Backend b = backend();
        int[] s = shape.length == 0 ? new int[] {values.length} : shape;
        return switch (dtype) {
            case FLOAT64 -> b.asTensor(values.clone(), s);
            case FLOAT32 -> b.asTensor(Reference.toFloats(values), s);
            case INT32 -> b.asTensor(Reference.toInts(values), s);
            case BOOL -> b.asTensor(Reference.toBooleans(values), s);
        };
    }

    /**
     * The relative accuracy a result of {@code dtype} must reach against a double reference: 16
     * ulps (2^-19 for float32), the loosest bound OpenCL 1.2 allows its built-in math (pow), so
     * device backends pass; float64 gets 1e-13, loose enough for another order of a short sum and
     * far too tight for a backend that computes float64 in float32.
     */
    protected static double relativeTolerance(DType dtype) {
        return dtype == DType.FLOAT32 ? 2e-6 : 1e-13;
    }

    /** Asserts shape, dtype and every element of {@code actual} against the reference {@code expected}. */
    protected static void assertValues(double[] expected, DType dtype, int[] shape, Tensor actual) {
        assertEquals(dtype, actual.dtype(), "dtype");
        assertArrayEquals(shape, actual.shape(), "shape");
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, "size");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], got[i], dtype, "element " + i);
        }
    }

    /**
     * Like {@link #assertValues(double[], DType, int[], Tensor)} for results summed from many terms:
     * element {@code i} may be off by the dtype's relative tolerance times {@code scale[i]}, the
     * sum of the terms' magnitudes, so a backend may accumulate in its own dtype and order.
     */
    protected static void assertSums(double[] expected, double[] scale, DType dtype, int[] shape, Tensor actual) {
        assertEquals(dtype, actual.dtype(), "dtype");
        assertArrayEquals(shape, actual.shape(), "shape");
        double[] got = actual.toDoubleArray();
        assertEquals(expected.length, got.length, "size");
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], got[i], Math.abs(scale[i]), dtype, "element " + i);
        }
    }

    /** {@code actual} within the dtype's tolerance of {@code expected}; NaN and infinities must match exactly. */
    protected static void assertClose(double expected, double actual, DType dtype, String what) {
        assertClose(expected, actual, Math.abs(expected), dtype, what);
    }

    private static void assertClose(double expected, double actual, double scale, DType dtype, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || !dtype.isFloat()) {
            assertEquals(expected, actual, 0, what);
            return;
        }
        double tol = relativeTolerance(dtype) * (scale + 1e-3);
        assertTrue(Math.abs(actual - expected) <= tol,
                what + ": expected " + expected + " but got " + actual + " (tolerance " + tol + " for " + dtype + ")");
    }

    /** The exception's message contains each of {@code texts}, so a user sees what is at fault. */
    protected static void assertMentions(Exception e, String... texts) {
        for (String text : texts) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(text),
                    e.getClass().getSimpleName() + " '" + e.getMessage() + "' should mention " + text);
        }
    }
}
