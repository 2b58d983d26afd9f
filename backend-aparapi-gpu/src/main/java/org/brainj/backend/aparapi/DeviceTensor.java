package org.brainj.backend.aparapi;

import java.util.Arrays;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;

/**
 * A tensor of the Aparapi backend: a contiguous row-major run of its device's pool for the dtype,
 * starting at {@link #offset()}. Views (reshape, slice) share the block and move the offset.
 * Elements stay on the device; the {@code to...Array} methods copy them to the host.
 */
final class DeviceTensor implements Tensor {
    private final AparapiBackend backend;
    private final DType dtype;
    private final int[] shape;
    private final int size;
    private final Device.Block block;
    private final int offset;

    DeviceTensor(AparapiBackend backend, DType dtype, int[] shape, Device.Block block, int offset) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.size = Shapes.size(shape);
        this.block = block;
        this.offset = offset;
    }

    @Override
    public AparapiBackend backend() {
        return backend;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    int[] shapeRef() {
        return shape;
    }

    @Override
    public int rank() {
        return shape.length;
    }

    @Override
    public int size() {
        return size;
    }

    Device.Block block() {
        return block;
    }

    /** Where element 0 lives in the pool. */
    int offset() {
        return offset;
    }

    /** This tensor as a launch operand read at every element of {@code over} (broadcasting). */
    Device.Slot slot(int[] over) {
        return new Device.Slot(block.dtype, offset, Device.broadcast(shape, over));
    }

    /** This tensor as a launch output or same-shape operand. */
    Device.Slot slot() {
        return new Device.Slot(block.dtype, offset, Device.contiguous(shape));
    }

    @Override
    public double[] toDoubleArray() {
        return backend.device().read(block.dtype, offset, size);
    }

    @Override
    public float[] toFloatArray() {
        double[] d = toDoubleArray();
        float[] r = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (float) d[i];
        }
        return r;
    }

    @Override
    public int[] toIntArray() {
        double[] d = toDoubleArray();
        int[] r = new int[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (int) d[i];
        }
        return r;
    }

    @Override
    public boolean[] toBooleanArray() {
        double[] d = toDoubleArray();
        boolean[] r = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = d[i] != 0;
        }
        return r;
    }

    @Override
    public String toString() {
        String values = size <= 16 ? " " + Arrays.toString(toDoubleArray()) : "";
        return "aparapi tensor " + dtype + " " + Shapes.format(shape) + values;
    }
}
