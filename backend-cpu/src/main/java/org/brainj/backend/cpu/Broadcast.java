package org.brainj.backend.cpu;

/** Walks the elements of a broadcast result with the matching element of each operand (numpy rules). */
final class Broadcast {
    /** Called once per result element with each operand's element index. */
    interface Visitor {
        void at(int out, int[] operand);
    }

    private Broadcast() {
    }

    /** Visits every element of {@code shape} in row-major order; each operand's shape broadcasts to it. */
    static void forEach(int[] shape, CpuTensor[] operands, Visitor visitor) {
        int size = org.brainj.api.tensor.Shapes.size(shape);
        int[] pos = new int[operands.length];
        if (isFlat(size, operands)) {
            for (int i = 0; i < size; i++) {
                for (int k = 0; k < operands.length; k++) {
                    pos[k] = operands[k].size() == 1 ? 0 : i;
                }
                visitor.at(i, pos);
            }
            return;
        }
        int rank = shape.length;
        int[][] strides = new int[operands.length][];
        for (int k = 0; k < operands.length; k++) {
            strides[k] = strides(operands[k].shapeRef(), rank);
        }
        int[] index = new int[rank];
        for (int i = 0; i < size; i++) {
            visitor.at(i, pos);
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                for (int k = 0; k < operands.length; k++) {
                    pos[k] += strides[k][d];
                }
                if (index[d] < shape[d]) {
                    break;
                }
                for (int k = 0; k < operands.length; k++) {
                    pos[k] -= strides[k][d] * shape[d];
                }
                index[d] = 0;
            }
        }
    }

    /**
     * An operand with as many elements as the result differs from its shape only by axes of 1, so
     * it shares the result's row-major index; a one-element operand is read at 0.
     */
    private static boolean isFlat(int size, CpuTensor[] operands) {
        for (CpuTensor t : operands) {
            if (t.size() != size && t.size() != 1) {
                return false;
            }
        }
        return true;
    }

    /** Row-major strides of {@code shape} aligned right to {@code rank} axes, 0 on broadcast axes. */
    private static int[] strides(int[] shape, int rank) {
        int[] s = new int[rank];
        int step = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            s[rank - shape.length + d] = shape[d] == 1 ? 0 : step;
            step *= shape[d];
        }
        return s;
    }
}
