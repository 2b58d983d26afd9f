package org.brainj.api.tensor;

import java.util.Arrays;
import org.brainj.api.BrainJException;

/** Shape arithmetic shared by every backend: sizes, broadcasting, axes, reshape, concatenate, arange. */
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

    /**
     * {@code shape} for a tensor of shape {@code from}, with its -1 (at most one) replaced by the
     * dimension that keeps the number of elements; an error when it cannot hold them.
     */
    public static int[] reshape(int[] from, int[] shape) {
        int[] s = shape.clone();
        int unknown = -1;
        long known = 1;
        for (int d = 0; d < s.length; d++) {
            if (s[d] == -1 && unknown < 0) {
                unknown = d;
            } else if (s[d] < 0) {
                throw new ShapeMismatchException("reshape: shape " + format(shape)
                        + " may have one -1 and otherwise no negative dimension");
            } else {
                known *= s[d];
            }
        }
        int n = size(from);
        boolean fits = unknown < 0 ? known == n : known > 0 && n % known == 0;
        if (!fits) {
            throw new ShapeMismatchException("reshape: cannot view shape " + format(from) + " (" + n
                    + " elements) as " + format(shape) + "; keep the number of elements");
        }
        if (unknown >= 0) {
            s[unknown] = (int) (n / known);
        }
        return s;
    }

    /**
     * The shape of {@code parts} joined along {@code axis} (already made non-negative): they must
     * agree on every other axis.
     */
    public static int[] concatenate(String op, int axis, int[]... parts) {
        int[] first = parts[0];
        int[] shape = first.clone();
        shape[axis] = 0;
        for (int[] s : parts) {
            boolean agree = s.length == first.length;
            for (int d = 0; agree && d < s.length; d++) {
                agree = d == axis || s[d] == first[d];
            }
            if (!agree) {
                throw new ShapeMismatchException(op + ": shapes " + format(first) + " and " + format(s)
                        + " differ on an axis other than " + axis + "; they must agree there");
            }
            shape[axis] += s[axis];
        }
        return shape;
    }

    /** The number of elements of {@code arange(start, stop, step)}, numpy's rule. */
    public static int arangeLength(double start, double stop, double step) {
        if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new BrainJException("arange: start " + start + ", stop " + stop + " and step "
                    + step + " must be finite and the step non-zero");
        }
        double count = Math.ceil((stop - start) / step);
        if (count > Integer.MAX_VALUE) {
            throw new ShapeMismatchException("arange: " + count + " elements exceed one tensor; use a larger step");
        }
        return (int) Math.max(0, count);
    }

    public static String format(int... shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
