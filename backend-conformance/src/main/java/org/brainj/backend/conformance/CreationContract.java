package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Creation: full zeros ones scalar as_tensor arange concatenate reshape slice astype shape, and views. */
public abstract class CreationContract extends BackendContract {

    @ParameterizedTest
    @EnumSource(DType.class)
    void fullZerosOnesAndScalarHoldTheirValue(DType dtype) {
        Backend b = backend();
        // full(2.5) stores 2.5 as the dtype does: (int) 2.5 = 2, bool non-zero = true.
        double stored = Reference.stored(dtype, new double[] {2.5})[0];
        assertValues(new double[] {stored, stored, stored, stored, stored, stored}, dtype, new int[] {2, 3},
                b.full(dtype, 2.5, 2, 3));
        assertValues(new double[4], dtype, new int[] {4}, b.zeros(dtype, 4));
        assertValues(new double[] {1, 1, 1}, dtype, new int[] {3, 1}, b.ones(dtype, 3, 1));
        Tensor s = b.scalar(dtype, 1);
        assertValues(new double[] {1}, dtype, new int[0], s);
        assertEquals(0, s.rank());
        assertEquals(1, s.size());
        assertEquals(0, b.zeros(dtype, 0, 5).size(), "an empty tensor");
    }

    @Test
    void asTensorKeepsEachPrimitiveTypeAndDefaultsTo1d() {
        Backend b = backend();
        Tensor d = b.asTensor(new double[] {1.5, -2, 3});
        assertEquals(DType.FLOAT64, d.dtype());
        assertArrayEquals(new int[] {3}, d.shape());
        assertArrayEquals(new double[] {1.5, -2, 3}, d.toDoubleArray());
        Tensor f = b.asTensor(new float[] {0.1f, 2f, 3f, 4f}, 2, 2);
        assertEquals(DType.FLOAT32, f.dtype());
        assertArrayEquals(new int[] {2, 2}, f.shape());
        assertArrayEquals(new float[] {0.1f, 2f, 3f, 4f}, f.toFloatArray());
        Tensor i = b.asTensor(new int[] {7, -8}, 2, 1);
        assertEquals(DType.INT32, i.dtype());
        assertArrayEquals(new int[] {7, -8}, i.toIntArray());
        Tensor z = b.asTensor(new boolean[] {true, false, true});
        assertEquals(DType.BOOL, z.dtype());
        assertArrayEquals(new boolean[] {true, false, true}, z.toBooleanArray());
        assertArrayEquals(new double[] {1, 0, 1}, z.toDoubleArray(), "bool reads as 0/1");
        assertArrayEquals(new int[] {1, -2, 3}, d.toIntArray(), "float to int truncates toward zero");
        assertArrayEquals(new boolean[] {true, true, true}, d.toBooleanArray(), "non-zero is true");
        assertEquals(1.5, b.asTensor(new double[] {1.5}).item());
    }

    @ParameterizedTest
    @CsvSource({
        "FLOAT64, 0, 5, 1", "FLOAT32, 0, 5, 1", "INT32, 0, 5, 1",
        "FLOAT64, 1, 2, 0.25", "FLOAT32, -1, 1, 0.3", "FLOAT64, 5, 0, -2", "INT32, 10, 1, -3", "FLOAT64, 3, 3, 1"})
    void arangeMatchesNumpysDefinition(DType dtype, double start, double stop, double step) {
        // numpy: ceil((stop - start) / step) elements, element i = start + i * step.
        int n = (int) Math.max(0, Math.ceil((stop - start) / step));
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = start + i * step;
        }
        assertValues(Reference.stored(dtype, expected), dtype, new int[] {n}, backend().arange(dtype, start, stop, step));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void concatenateJoinsAlongAnyAxis(DType dtype) {
        Backend b = backend();
        double[] av = {1, 2, 3, 4, 5, 6};
        double[] bv = {7, 8, 9, 10};
        Tensor x = tensor(dtype, av, 2, 3);
        Tensor y = tensor(dtype, bv, 2, 2);
        // Along the last axis, row r is x's row r then y's row r.
        double[] expected = {1, 2, 3, 7, 8, 4, 5, 6, 9, 10};
        assertValues(Reference.stored(dtype, expected), dtype, new int[] {2, 5}, b.concatenate(-1, x, y));
        assertValues(Reference.stored(dtype, expected), dtype, new int[] {2, 5}, b.concatenate(1, x, y));
        Tensor z = tensor(dtype, new double[] {0, 1, 0}, 1, 3);
        double[] rows = {1, 2, 3, 4, 5, 6, 0, 1, 0, 1, 2, 3, 4, 5, 6};
        assertValues(Reference.stored(dtype, rows), dtype, new int[] {5, 3}, b.concatenate(0, x, z, x));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void reshapeIsAViewThatInfersMinusOne(DType dtype) {
        Backend b = backend();
        Tensor x = b.zeros(dtype, 6);
        Tensor m = b.reshape(x, 2, -1);
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new int[] {3, 2}, x.reshape(-1, 2).shape());
        assertArrayEquals(new int[] {1, 6, 1}, b.reshape(x, 1, 6, 1).shape());
        assertArrayEquals(new int[0], b.reshape(b.zeros(dtype, 1, 1), new int[0]).shape());
        // A write through the view is seen by the parent.
        b.copy(tensor(dtype, new double[] {1, 0, 1, 1, 0, 1}, 2, 3), m);
        assertValues(new double[] {1, 0, 1, 1, 0, 1}, dtype, new int[] {6}, x);
        assertEquals(dtype, m.dtype());
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sliceIsAViewOfRows(DType dtype) {
        Backend b = backend();
        double[] v = {1, 0, 2, 3, 0, 4, 5, 6};
        Tensor x = tensor(dtype, v, 4, 2);
        Tensor rows = b.slice(x, 1, 3);
        assertValues(Reference.stored(dtype, new double[] {2, 3, 0, 4}), dtype, new int[] {2, 2}, rows);
        assertArrayEquals(new int[] {0, 2}, x.slice(2, 2).shape(), "an empty slice");
        // Writes through a slice (and a slice of a slice) land in the parent's rows.
        b.copy(tensor(dtype, new double[] {7, 7}, 1, 2), rows.slice(1, 2));
        double[] expected = Reference.stored(dtype, new double[] {1, 0, 2, 3, 7, 7, 5, 6});
        assertValues(expected, dtype, new int[] {4, 2}, x);
        // Operations read a slice as the rows it shows.
        Tensor flat = tensor(dtype, new double[] {9, 8, 7, 6, 5});
        assertValues(Reference.stored(dtype, new double[] {8, 7, 6}), dtype, new int[] {3}, b.slice(flat, 1, 4));
        assertValues(Reference.stored(dtype, new double[] {8, 7, 6}), dtype, new int[] {3},
                b.transfer(b.slice(flat, 1, 4)));
    }

    @Test
    void sliceViewIsAnOutput() {
        Backend b = backend();
        Tensor x = b.zeros(DType.FLOAT64, 3, 2);
        Tensor result = b.binary(BinaryOp.ADD, b.asTensor(new double[] {1, 2}),
                b.asTensor(new double[] {10, 20}), b.slice(x, 1, 2).reshape(2));
        assertArrayEquals(new double[] {11, 22}, result.toDoubleArray());
        assertArrayEquals(new double[] {0, 0, 11, 22, 0, 0}, x.toDoubleArray(), "the parent sees the view's write");
    }

    @Test
    void astypeConvertsLikeJavaCasts() {
        Backend b = backend();
        double[] v = {-1.7, -0.2, 0, 0.5, 2.9, 1e10 / 3};
        Tensor x = b.asTensor(v);
        // Java's (int) truncates toward zero, (float) rounds to nearest; non-zero is true.
        assertArrayEquals(new int[] {-1, 0, 0, 0, 2, (int) (1e10 / 3)}, b.astype(x, DType.INT32, null).toIntArray());
        assertArrayEquals(Reference.toFloats(v), b.astype(x, DType.FLOAT32, null).toFloatArray());
        assertArrayEquals(new boolean[] {true, true, false, true, true, true}, b.astype(x, DType.BOOL, null).toBooleanArray());
        Tensor flags = b.asTensor(new boolean[] {true, false});
        assertArrayEquals(new double[] {1, 0}, b.astype(flags, DType.FLOAT64, null).toDoubleArray());
        assertArrayEquals(new int[] {1, 0}, b.astype(flags, DType.INT32, null).toIntArray());
        Tensor out = b.zeros(DType.FLOAT64, 2);
        assertSame(out, b.astype(b.asTensor(new int[] {3, -4}), DType.FLOAT64, out));
        assertArrayEquals(new double[] {3, -4}, out.toDoubleArray(), "written into out");
    }

    @Test
    void shapeAndRank() {
        Tensor x = backend().zeros(DType.FLOAT32, 2, 3, 4);
        assertArrayEquals(new int[] {2, 3, 4}, backend().shape(x));
        assertEquals(3, x.rank());
        assertEquals(24, x.size());
        int[] s = x.shape();
        s[0] = 99;
        assertArrayEquals(new int[] {2, 3, 4}, x.shape(), "shape() is a copy");
    }
}
