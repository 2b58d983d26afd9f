package org.brainj.connectors.internal;

import java.util.Arrays;
import org.brainj.api.connect.Connectivity;

/**
 * A growable list of synapses (pre, post, optional weight) in any order, turned into CSR by a
 * stable counting sort on pre; memory stays proportional to the synapses. Used by rules that do
 * not produce their synapses row by row (graphs, column-wise draws, index lists).
 */
public final class Edges {
    private int[] pre;
    private int[] post;
    private double[] weight;
    private int size;

    public Edges(int capacity, boolean weighted) {
        pre = new int[Math.max(capacity, 4)];
        post = new int[pre.length];
        weight = weighted ? new double[pre.length] : null;
    }

    public void add(int i, int j) {
        grow();
        pre[size] = i;
        post[size++] = j;
    }

    public void add(int i, int j, double w) {
        grow();
        pre[size] = i;
        post[size] = j;
        weight[size++] = w;
    }

    public int size() {
        return size;
    }

    private void grow() {
        if (size == pre.length) {
            int n = Check.grownCapacity(size);
            pre = Arrays.copyOf(pre, n);
            post = Arrays.copyOf(post, n);
            if (weight != null) {
                weight = Arrays.copyOf(weight, n);
            }
        }
    }

    /**
     * CSR of these synapses; within a row the order of addition is kept, or the posts ascend
     * when {@code sortRows}.
     */
    public Connectivity toConnectivity(int numPre, int numPost, boolean sortRows) {
        int[] indptr = new int[numPre + 1];
        for (int s = 0; s < size; s++) {
            if (pre[s] < 0 || pre[s] >= numPre) {
                throw new org.brainj.api.connect.InvalidConnectivityException("synapse " + s + " starts at pre neuron "
                        + pre[s] + ", outside [0, " + numPre + "); give pre indices within the pre population");
            }
            indptr[pre[s] + 1]++;
        }
        for (int i = 0; i < numPre; i++) {
            indptr[i + 1] += indptr[i];
        }
        int[] next = Arrays.copyOf(indptr, numPre);
        int[] indices = new int[size];
        double[] w = weight == null ? null : new double[size];
        for (int s = 0; s < size; s++) {
            int q = next[pre[s]]++;
            indices[q] = post[s];
            if (w != null) {
                w[q] = weight[s];
            }
        }
        if (sortRows) {
            Rows.sortRows(indptr, indices, w);
        }
        return new Connectivity(numPre, numPost, indptr, indices, w);
    }
}
