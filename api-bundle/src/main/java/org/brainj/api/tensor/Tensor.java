package org.brainj.api.tensor;

/**
 * An N-d array owned by one {@link Backend}; where its elements live (heap, device) is the
 * backend's business. Shapes are row-major. Reading elements to the host is explicit: hot
 * loops keep data on the backend.
 */
public interface Tensor {
    Backend backend();

    DType dtype();

    /** A copy of the shape; a 0-d (scalar) tensor has an empty shape. */
    int[] shape();

    default int rank() {
        return shape().length;
    }

    default int size() {
        return Shapes.size(shape());
    }

    /** A view with another shape of the same size; it shares elements with this tensor. */
    default Tensor reshape(int... shape) {
        return backend().reshape(this, shape);
    }

    /** A view of rows {@code [from, to)} along the first axis; it shares elements with this tensor. */
    default Tensor slice(int from, int to) {
        return backend().slice(this, from, to);
    }

    /** The elements, converted to double (bool as 0/1), copied to the host in row-major order. */
    double[] toDoubleArray();

    /** The elements converted to float, copied to the host. */
    float[] toFloatArray();

    /** The elements converted to int (floats truncated toward zero), copied to the host. */
    int[] toIntArray();

    /** The elements as truth values (non-zero is true), copied to the host. */
    boolean[] toBooleanArray();

    /** The single element of a one-element tensor. */
    default double item() {
        if (size() != 1) {
            throw new ShapeMismatchException("item() needs a tensor of one element, not of shape "
                    + Shapes.format(shape()) + "; reduce it first (sum, mean, max, min)");
        }
        return toDoubleArray()[0];
    }
}
