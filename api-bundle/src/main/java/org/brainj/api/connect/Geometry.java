package org.brainj.api.connect;

import java.util.Arrays;

/**
 * The shape of a neuron population as a connector sees it: {@code (n)} for a line, {@code
 * (height, width)} for a sheet. Neuron {@code id} sits at row {@code id / width}, column {@code
 * id % width} (row-major, as BrainPy and NumPy number them).
 */
public final class Geometry {
    private final int[] shape;
    private final int size;

    private Geometry(int[] shape) {
        if (shape.length == 0) {
            throw new GeometryException("a population geometry needs at least one dimension; give its size, e.g. (100) or (10, 10)");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new GeometryException("population geometry " + Arrays.toString(shape)
                        + " has a negative size " + d + "; give sizes >= 0");
            }
            n *= d;
            if (n > Integer.MAX_VALUE) {
                throw new GeometryException("population geometry " + Arrays.toString(shape)
                        + " has more than " + Integer.MAX_VALUE + " neurons; split the population");
            }
        }
        this.shape = shape.clone();
        this.size = (int) n;
    }

    public static Geometry of(int... shape) {
        return new Geometry(shape);
    }

    /** The number of neurons (BrainPy's {@code size2len}). */
    public int size() {
        return size;
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int k) {
        return shape[k];
    }

    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && Arrays.equals(shape, g.shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
