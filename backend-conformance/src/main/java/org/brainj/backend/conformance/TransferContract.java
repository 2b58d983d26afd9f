package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brainj.api.BrainJException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Moving data: host to backend, backend to host, between two backend instances, and copy into views. */
public abstract class TransferContract extends BackendContract {
    private static final double[] VALUES = {1.5, -2, 0, 3.25, 1e6, -7.75};

    @ParameterizedTest
    @EnumSource(DType.class)
    void transferFromAForeignTensorGoesThroughTheHost(DType dtype) {
        Tensor foreign = new HostTensor(dtype, VALUES, 3, 2);
        Tensor here = backend().transfer(foreign);
        assertSame(backend(), here.backend());
        assertValues(Reference.stored(dtype, VALUES), dtype, new int[] {3, 2}, here);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void transferBetweenTwoInstancesCopies(DType dtype) {
        Backend first = backend();
        Backend second = secondBackend();
        Tensor source = tensor(dtype, VALUES, 2, 3);
        Tensor moved = second.transfer(source);
        assertSame(second, moved.backend());
        assertValues(Reference.stored(dtype, VALUES), dtype, new int[] {2, 3}, moved);
        Tensor back = first.transfer(moved);
        assertValues(Reference.stored(dtype, VALUES), dtype, new int[] {2, 3}, back);
        // The copy is independent: changing it leaves the source alone.
        second.copy(new HostTensor(dtype, new double[6], 6), moved);
        assertValues(Reference.stored(dtype, VALUES), dtype, new int[] {2, 3}, source);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void copyIntoASliceViewWritesTheParent(DType dtype) {
        Backend b = backend();
        Tensor parent = b.zeros(dtype, 4, 2);
        b.copy(new HostTensor(dtype, new double[] {1, 1, 0, 1}, 4), b.slice(parent, 1, 3));
        assertValues(new double[] {0, 0, 1, 1, 0, 1, 0, 0}, dtype, new int[] {4, 2}, parent);
        // copy needs equal sizes, not equal shapes.
        b.copy(tensor(dtype, new double[] {1, 0, 0, 0, 0, 0, 0, 1}), parent);
        assertValues(new double[] {1, 0, 0, 0, 0, 0, 0, 1}, dtype, new int[] {4, 2}, parent);
    }

    @Test
    void hostReadsConvert() {
        Tensor x = backend().asTensor(new float[] {1.5f, -2.5f, 0});
        assertArrayEquals(new double[] {1.5, -2.5, 0}, x.toDoubleArray());
        assertArrayEquals(new int[] {1, -2, 0}, x.toIntArray());
        assertArrayEquals(new boolean[] {true, true, false}, x.toBooleanArray());
        assertArrayEquals(new float[] {3f, 0f}, backend().asTensor(new int[] {3, 0}).toFloatArray());
    }

    @Test
    void copyChecksDtypeAndSize() {
        Backend b = backend();
        DTypeMismatchException dtype = assertThrows(DTypeMismatchException.class,
                () -> b.copy(b.zeros(DType.FLOAT32, 3), b.zeros(DType.FLOAT64, 3)));
        assertMentions(dtype, "float32", "float64");
        ShapeMismatchException size = assertThrows(ShapeMismatchException.class,
                () -> b.copy(b.zeros(DType.FLOAT64, 3), b.zeros(DType.FLOAT64, 2, 2)));
        assertMentions(size, "(3,)", "(2, 2)");
    }

    @Test
    void operandsOfAnotherBackendAreRefusedWithAHint() {
        Backend b = backend();
        Tensor foreign = new HostTensor(DType.FLOAT64, new double[] {1, 2});
        BrainJException e = assertThrows(BrainJException.class, () -> b.add(b.asTensor(new double[] {1, 2}), foreign));
        assertMentions(e, HostTensor.BACKEND_NAME, "transfer");
        assertEquals(HostTensor.BACKEND_NAME, foreign.backend().name());
    }
}
