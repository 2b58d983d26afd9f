package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Launches find their shapes and strides in a table on the device: a geometry seen before costs
 * no upload, and operations stay right when more geometries come than the table holds and it
 * starts again from empty.
 */
@RequiresOpenCL
class GeometryTableTest {
    @Test
    void aGeometrySeenBeforeUploadsNothing() {
        AparapiBackend b = new AparapiBackend();
        Tensor x = b.arange(DType.FLOAT64, 0, 37, 1);
        Tensor out = b.zeros(DType.FLOAT64, 37);
        b.binary(BinaryOp.ADD, x, x, out);
        long transfers = b.device().transfers();
        b.binary(BinaryOp.MUL, out, x, out);
        b.binary(BinaryOp.ADD, x, x, out);
        assertEquals(transfers, b.device().transfers(), "transfers of two launches over a known geometry");
    }

    @Test
    void operationsStayRightWhenTheTableFillsAndStartsAgain() {
        AparapiBackend b = new AparapiBackend();
        // each length is a new 1-d geometry of 5 ints (shape, four slots' strides) for arange, add and the read
        int lengths = OpKernel.GEOMETRY_INTS / 5 + 20;
        for (int k = 1; k <= lengths; k++) {
            Tensor x = b.arange(DType.INT32, 0, k, 1);
            double[] expected = new double[k];
            for (int j = 0; j < k; j++) {
                expected[j] = 2 * j;
            }
            assertArrayEquals(expected, b.binary(BinaryOp.ADD, x, x, null).toDoubleArray(), 0, "length " + k);
        }
        Tensor first = b.arange(DType.INT32, 0, 1, 1);
        assertArrayEquals(new double[] {0}, b.binary(BinaryOp.ADD, first, first, null).toDoubleArray(), 0,
                "a geometry from before the table started again");
    }
}
