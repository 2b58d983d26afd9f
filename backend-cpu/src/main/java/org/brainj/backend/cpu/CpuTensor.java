package org.brainj.backend.cpu;

import java.util.Arrays;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;

/**
 * A tensor of the CPU backend: a run of a primitive array ({@code double[]} for float64,
 * {@code float[]} for float32, {@code int[]} for int32, {@code boolean[]} for bool) starting at
 * {@link #offset()}, row-major and contiguous. Contiguity makes {@code reshape} and
 * {@code slice} views that only move the offset and change the shape.
 *
 * <p>Generated step kernels read and write {@link #data()} directly: element {@code i} in
 * row-major order lives at {@code data()[offset() + i]}.
 */
public final class CpuTensor implements Tensor {
    private final CpuBackend backend;
    private final DType dtype;
    private final int[] shape;
    private final int size;
    private final Object data;
    private final int offset;
    /** What delivery keeps about this tensor as a connectivity's indices; null until it is one. */
    private Connectivity connectivity;

    CpuTensor(CpuBackend backend, DType dtype, int[] shape, Object data, int offset) {
        this.backend = backend;
        this.dtype = dtype;
        this.shape = shape.clone();
        this.size = Shapes.size(shape);
        this.data = data;
        this.offset = offset;
    }

    /** A new zero-filled backing array for {@code size} elements of {@code dtype}. */
    static Object allocate(DType dtype, int size) {
        return switch (dtype) {
            case FLOAT64 -> new double[size];
            case FLOAT32 -> new float[size];
            case INT32 -> new int[size];
            case BOOL -> new boolean[size];
        };
    }

    @Override
    public CpuBackend backend() {
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

    /** The shape itself, not a copy: callers in this package must not modify it. */
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

    /** The backing array (shared with every view of it): double[], float[], int[] or boolean[]. */
    public Object data() {
        return data;
    }

    /** Where element 0 lives in {@link #data()}. */
    public int offset() {
        return offset;
    }

    Connectivity connectivity() {
        return connectivity;
    }

    void connectivity(Connectivity c) {
        connectivity = c;
    }

    /** Element {@code i} (row-major) as a double, bool as 0/1. */
    double get(int i) {
        int k = offset + i;
        return switch (dtype) {
            case FLOAT64 -> ((double[]) data)[k];
            case FLOAT32 -> ((float[]) data)[k];
            case INT32 -> ((int[]) data)[k];
            case BOOL -> ((boolean[]) data)[k] ? 1 : 0;
        };
    }

    /** Element {@code i} as an int: floats truncated toward zero, bool as 0/1. */
    int getInt(int i) {
        int k = offset + i;
        return switch (dtype) {
            case FLOAT64 -> (int) ((double[]) data)[k];
            case FLOAT32 -> (int) ((float[]) data)[k];
            case INT32 -> ((int[]) data)[k];
            case BOOL -> ((boolean[]) data)[k] ? 1 : 0;
        };
    }

    /** Element {@code i} as a truth value: non-zero is true. */
    boolean getBool(int i) {
        int k = offset + i;
        return switch (dtype) {
            case FLOAT64 -> ((double[]) data)[k] != 0;
            case FLOAT32 -> ((float[]) data)[k] != 0;
            case INT32 -> ((int[]) data)[k] != 0;
            case BOOL -> ((boolean[]) data)[k];
        };
    }

    /** Stores {@code v} at element {@code i}, converted to this dtype (int truncates, bool is v != 0). */
    void set(int i, double v) {
        int k = offset + i;
        switch (dtype) {
            case FLOAT64 -> ((double[]) data)[k] = v;
            case FLOAT32 -> ((float[]) data)[k] = (float) v;
            case INT32 -> ((int[]) data)[k] = (int) v;
            case BOOL -> ((boolean[]) data)[k] = v != 0;
        }
    }

    void setInt(int i, int v) {
        int k = offset + i;
        switch (dtype) {
            case FLOAT64 -> ((double[]) data)[k] = v;
            case FLOAT32 -> ((float[]) data)[k] = v;
            case INT32 -> ((int[]) data)[k] = v;
            case BOOL -> ((boolean[]) data)[k] = v != 0;
        }
    }

    void setBool(int i, boolean v) {
        int k = offset + i;
        switch (dtype) {
            case FLOAT64 -> ((double[]) data)[k] = v ? 1 : 0;
            case FLOAT32 -> ((float[]) data)[k] = v ? 1 : 0;
            case INT32 -> ((int[]) data)[k] = v ? 1 : 0;
            case BOOL -> ((boolean[]) data)[k] = v;
        }
    }

    @Override
    public double[] toDoubleArray() {
        double[] r = new double[size];
        if (dtype == DType.FLOAT64) {
            System.arraycopy(data, offset, r, 0, size);
        } else {
            for (int i = 0; i < size; i++) {
                r[i] = get(i);
            }
        }
        return r;
    }

    @Override
    public float[] toFloatArray() {
        float[] r = new float[size];
        if (dtype == DType.FLOAT32) {
            System.arraycopy(data, offset, r, 0, size);
        } else {
            for (int i = 0; i < size; i++) {
                r[i] = (float) get(i);
            }
        }
        return r;
    }

    @Override
    public int[] toIntArray() {
        int[] r = new int[size];
        if (dtype == DType.INT32) {
            System.arraycopy(data, offset, r, 0, size);
            return r;
        }
        for (int i = 0; i < size; i++) {
            r[i] = getInt(i);
        }
        return r;
    }

    @Override
    public boolean[] toBooleanArray() {
        boolean[] r = new boolean[size];
        if (dtype == DType.BOOL) {
            System.arraycopy(data, offset, r, 0, size);
            return r;
        }
        for (int i = 0; i < size; i++) {
            r[i] = getBool(i);
        }
        return r;
    }

    @Override
    public String toString() {
        String values = size <= 16 ? " " + switch (dtype) {
            case FLOAT64, FLOAT32 -> Arrays.toString(toDoubleArray());
            case INT32 -> Arrays.toString(toIntArray());
            case BOOL -> Arrays.toString(toBooleanArray());
        } : "";
        return "cpu tensor " + dtype + " " + Shapes.format(shape) + values;
    }
}
