package org.brainj.backend.cpu;

import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;

/**
 * Reductions over one axis, seen as {@code outer x length x inner} (the whole tensor is
 * {@code 1 x size x 1}). Sums accumulate in double, which is exact for int32 counts below 2^53
 * and more accurate than float32 accumulation.
 */
final class Reducer {
    private Reducer() {
    }

    static void reduce(Reduction op, CpuTensor x, int outer, int length, int inner, CpuTensor out) {
        if (length == 0 && (op == Reduction.MAX || op == Reduction.MIN)) {
            throw new ShapeMismatchException(op.label() + ": an empty axis of a tensor of shape "
                    + Shapes.format(x.shapeRef()) + " has no " + op.label() + "; reduce a non-empty tensor");
        }
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * length * inner + i;
                out.set(o * inner + i, along(op, x, base, length, inner));
            }
        }
    }

    private static double along(Reduction op, CpuTensor x, int base, int length, int stride) {
        return switch (op) {
            case SUM -> sum(x, base, length, stride);
            case MEAN -> sum(x, base, length, stride) / length;
            case MAX -> {
                double m = x.get(base);
                for (int k = 1; k < length; k++) {
                    m = Math.max(m, x.get(base + k * stride));
                }
                yield m;
            }
            case MIN -> {
                double m = x.get(base);
                for (int k = 1; k < length; k++) {
                    m = Math.min(m, x.get(base + k * stride));
                }
                yield m;
            }
        };
    }

    private static double sum(CpuTensor x, int base, int length, int stride) {
        // a whole float row read straight from its array, in the same order: the network's finite check
        // sums every integrated variable every few steps, and at small sizes a call per element was a
        // visible share of a run before the JIT compiled it
        if (stride == 1 && x.data() instanceof double[] d) {
            return sum(d, x.offset() + base, length);
        }
        if (stride == 1 && x.data() instanceof float[] f) {
            return sum(f, x.offset() + base, length);
        }
        double s = 0;
        for (int k = 0; k < length; k++) {
            s += x.get(base + k * stride);
        }
        return s;
    }

    private static double sum(double[] d, int from, int length) {
        double s = 0;
        for (int k = from; k < from + length; k++) {
            s += d[k];
        }
        return s;
    }

    private static double sum(float[] f, int from, int length) {
        double s = 0;
        for (int k = from; k < from + length; k++) {
            s += f[k];
        }
        return s;
    }
}
