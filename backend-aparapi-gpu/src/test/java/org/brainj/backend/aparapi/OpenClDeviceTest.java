package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The backend runs on a real OpenCL device, and its device memory grows without losing tensors. */
@RequiresOpenCL
class OpenClDeviceTest {
    private static final AparapiBackend BACKEND = new AparapiBackend();

    @Test
    void anOpenClDeviceIsInUse() {
        // With a platform registered but unusable to Aparapi this fails with the reason.
        String d = BACKEND.description();
        assertTrue(d.startsWith("Aparapi on OpenCL "), d);
        assertTrue(d.contains("device '"), d);
    }

    @Test
    void tensorsSurviveThePoolGrowing() {
        Tensor small = BACKEND.asTensor(new double[] {1.5, -2.5, 3.25});
        Tensor counts = BACKEND.asTensor(new int[] {7, 8});
        // More float64 elements than the first pool holds (16 MiB): the pool grows through the host.
        int n = Device.MIN_POOL_BYTES / 8 + 1000;
        Tensor big = BACKEND.arange(DType.FLOAT64, 0, n, 1);
        assertArrayEquals(new double[] {1.5, -2.5, 3.25}, small.toDoubleArray());
        // The sum 0 + 1 + ... + (n - 1) = n (n - 1) / 2, exact in double below 2^53.
        assertEquals((double) n * (n - 1) / 2, BACKEND.sum(big).item());
        assertArrayEquals(new double[] {3, -5, 6.5}, BACKEND.add(small, small).toDoubleArray());
        assertArrayEquals(new int[] {7, 8}, counts.toIntArray());
    }

    @Test
    void copyOntoAShiftedViewOfItselfIsAMove() {
        Tensor x = BACKEND.asTensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7});
        // rows 0..5 onto rows 2..7, as System.arraycopy (memmove) does: 0 1 0 1 2 3 4 5
        BACKEND.copy(BACKEND.slice(x, 0, 6), BACKEND.slice(x, 2, 8));
        assertArrayEquals(new double[] {0, 1, 0, 1, 2, 3, 4, 5}, x.toDoubleArray());
    }
}
