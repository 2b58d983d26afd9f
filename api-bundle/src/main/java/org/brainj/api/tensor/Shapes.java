package org.brainj.api.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by every backend: sizes, numpy broadcasting, axis checks. */
public final class Shapes {
    private Shapes() {
    }

    /** Number of elements of a shape; a 0-d shape holds one element. */
    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + format(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shape " + format(shape) + " holds " + n
                    + " elements, more than one tensor can (2^31 - 1); split it");
        }
        return (int) n;
    }

    /** The numpy-style broadcast of two shapes, or a {@link ShapeMismatchException} naming both. */
    public static int[] broadcast(String op, int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
            int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new ShapeMismatchException(op, a, b);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** A non-negative axis for a possibly negative one (numpy style), or an error naming the rank. */
    public static int axis(int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new TensorIndexException("axis " + axis + " is out of range for a tensor of rank " + rank
                    + "; use an axis in [" + (-rank) + ", " + (rank - 1) + "]");
        }
        return a;
    }

    public static String format(int... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
