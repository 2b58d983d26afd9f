package org.brainj.connectors.internal;

import java.util.Arrays;
import org.brainj.api.connect.Connectivity;

/** CSR built row by row (pre neuron 0, 1, 2...), for rules that visit pre neurons in order. */
public final class Rows {
    private final int numPre;
    private final int numPost;
    private final int[] indptr;
    private int[] indices;
    private double[] weights;
    private int size;
    private int row;

    public Rows(int numPre, int numPost, int capacity, boolean weighted) {
        this.numPre = numPre;
        this.numPost = numPost;
        this.indptr = new int[numPre + 1];
        this.indices = new int[Math.max(capacity, 4)];
        this.weights = weighted ? new double[indices.length] : null;
    }

    /** Adds a synapse from the current row to {@code post}. */
    public void add(int post) {
        grow();
        indices[size++] = post;
    }

    public void add(int post, double weight) {
        grow();
        indices[size] = post;
        weights[size++] = weight;
    }

    /** Closes the current pre neuron's row. */
    public void endRow() {
        indptr[++row] = size;
    }

    private void grow() {
        if (size == indices.length) {
            int n = Check.grownCapacity(size);
            indices = Arrays.copyOf(indices, n);
            if (weights != null) {
                weights = Arrays.copyOf(weights, n);
            }
        }
    }

    public Connectivity build() {
        if (row != numPre) {
            throw new IllegalStateException("closed " + row + " rows of " + numPre);
        }
        return new Connectivity(numPre, numPost, indptr, Arrays.copyOf(indices, size),
                weights == null ? null : Arrays.copyOf(weights, size));
    }

    /** Sorts each row's posts ascending, carrying the weights along (when not null). */
    public static void sortRows(int[] indptr, int[] indices, double[] weights) {
        for (int i = 0; i + 1 < indptr.length; i++) {
            int from = indptr[i];
            int to = indptr[i + 1];
            if (weights == null) {
                Arrays.sort(indices, from, to);
                continue;
            }
            long[] keys = new long[to - from];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = ((long) indices[from + k] << 32) | k;
            }
            Arrays.sort(keys);
            double[] w = Arrays.copyOfRange(weights, from, to);
            for (int k = 0; k < keys.length; k++) {
                indices[from + k] = (int) (keys[k] >>> 32);
                weights[from + k] = w[(int) keys[k]];
            }
        }
    }
}
