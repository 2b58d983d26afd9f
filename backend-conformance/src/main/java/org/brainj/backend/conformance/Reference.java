package org.brainj.backend.conformance;

import org.brainj.api.tensor.DType;

/** Plain Java references: values as a dtype stores them, row-major index arithmetic. */
final class Reference {
    private Reference() {
    }

    static float[] toFloats(double[] v) {
        float[] r = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (float) v[i];
        }
        return r;
    }

    static int[] toInts(double[] v) {
        int[] r = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = (int) v[i];
        }
        return r;
    }

    static boolean[] toBooleans(double[] v) {
        boolean[] r = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] != 0;
        }
        return r;
    }

    /** The values as {@code dtype} stores them, back in double: the exact operands a backend sees. */
    static double[] stored(DType dtype, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = switch (dtype) {
                case FLOAT64 -> v[i];
                case FLOAT32 -> (float) v[i];
                case INT32 -> (int) v[i];
                case BOOL -> v[i] != 0 ? 1 : 0;
            };
        }
        return r;
    }

    static int size(int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The row-major flat index of {@code index} in {@code shape}, reading broadcast axes (size 1) at 0. */
    static int flat(int[] shape, int[] index) {
        int offset = index.length - shape.length;
        int flat = 0;
        for (int d = 0; d < shape.length; d++) {
            int i = shape[d] == 1 ? 0 : index[offset + d];
            flat = flat * shape[d] + i;
        }
        return flat;
    }

    /** The multi-index of row-major element {@code flat} of {@code shape}. */
    static int[] unflat(int[] shape, int flat) {
        int[] index = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return index;
    }
}
