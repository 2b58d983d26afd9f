package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** The layout generated kernels rely on: element i of a tensor at data()[offset() + i], views sharing data(). */
class CpuTensorTest {
    private final CpuBackend cpu = new CpuBackend();

    @Test
    void eachDtypeIsBackedByItsPrimitiveArray() {
        assertInstanceOf(double[].class, cpu.zeros(DType.FLOAT64, 2).data());
        assertInstanceOf(float[].class, cpu.zeros(DType.FLOAT32, 2).data());
        assertInstanceOf(int[].class, cpu.zeros(DType.INT32, 2).data());
        assertInstanceOf(boolean[].class, cpu.zeros(DType.BOOL, 2).data());
    }

    @Test
    void viewsShareTheArrayAtAnOffset() {
        CpuTensor x = cpu.asTensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 4, 3);
        CpuTensor rows = cpu.slice(x, 2, 4);
        assertSame(x.data(), rows.data());
        assertEquals(6, rows.offset(), "row 2 of rows of 3 starts at element 6");
        CpuTensor flat = cpu.reshape(rows, -1);
        assertSame(x.data(), flat.data());
        assertEquals(6, flat.offset());
        CpuTensor inner = cpu.slice(flat, 1, 3);
        assertEquals(7, inner.offset());
        ((double[]) inner.data())[inner.offset()] = -1;
        assertEquals(-1, x.toDoubleArray()[7]);
        assertArrayEquals(new double[] {-1, 8}, inner.toDoubleArray());
    }

    @Test
    void asTensorCopiesTheCallersArray() {
        double[] host = {1, 2};
        CpuTensor t = cpu.asTensor(host);
        host[0] = 99;
        assertEquals(1, t.toDoubleArray()[0]);
    }

    /** Connectivity is held once: the read-only tensor is the caller's array, shaped as asTensor's would be. */
    @Test
    void readOnlyTensorSharesTheCallersArray() {
        int[] indices = {4, 0, 2, 7, 1, 3};
        CpuTensor t = cpu.asReadOnlyTensor(indices, 2, 3);
        assertSame(indices, t.data());
        assertEquals(0, t.offset());
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(DType.INT32, t.dtype());
        assertArrayEquals(cpu.asTensor(indices, 2, 3).toIntArray(), t.toIntArray());
        assertThrows(ShapeMismatchException.class, () -> cpu.asReadOnlyTensor(indices, 4));
    }
}
