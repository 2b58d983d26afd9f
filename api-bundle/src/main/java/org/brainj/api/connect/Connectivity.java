package org.brainj.api.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.brainj.api.UnknownNameException;

/**
 * The synapses between two populations, stored as CSR with int32 indices (one row per
 * pre-synaptic neuron) and optional float64 per-synapse weights; a synapse's id is its CSR
 * position. The reference's other structures (BrainPy's {@code conn.requires(...)}) are derived
 * on first request and cached. Returned arrays are shared, not copied (a projection of 10^8
 * synapses cannot afford copies): read them, do not change them.
 */
public final class Connectivity {
    /** Cells above which {@link #connMat()} refuses to build a dense matrix (256 Mi booleans). */
    public static final long MAX_DENSE_CELLS = 1L << 28;

    /** The names {@link #requires} accepts, as the reference spells them. */
    public static final List<String> STRUCTURES = List.of("conn_mat", "pre_ids", "post_ids", "pre2post",
            "post2pre", "pre2syn", "post2syn", "pre_slice", "post_slice", "pre_slice_syn", "post_slice_syn",
            "weights", "csr", "csc");

    private final int numPre;
    private final int numPost;
    private final int[] indptr;
    private final int[] indices;
    private final double[] weights;

    private int[] preIds;
    private Csc csc;
    private int[][] pre2post;
    private int[][] post2pre;
    private int[][] pre2syn;
    private int[][] post2syn;
    private int[][] preSlice;
    private int[][] postSlice;
    private boolean[][] connMat;

    /**
     * @param indptr  {@code numPre + 1} non-decreasing row pointers from 0 to {@code indices.length}
     * @param indices post neuron of each synapse, in {@code [0, numPost)}
     * @param weights one weight per synapse, or {@code null}
     * @throws InvalidConnectivityException when the arrays do not describe {@code numPre x numPost} synapses
     */
    public Connectivity(int numPre, int numPost, int[] indptr, int[] indices, double[] weights) {
        if (numPre < 0 || numPost < 0) {
            throw new GeometryException("population sizes must be >= 0, got pre " + numPre + " and post " + numPost);
        }
        this.numPre = numPre;
        this.numPost = numPost;
        this.indptr = indptr;
        this.indices = indices;
        this.weights = weights;
        validate();
    }

    /** CSR without weights. */
    public Connectivity(int numPre, int numPost, int[] indptr, int[] indices) {
        this(numPre, numPost, indptr, indices, null);
    }

    private void validate() {
        if (indptr.length != numPre + 1) {
            throw new InvalidConnectivityException("indptr has length " + indptr.length + " but " + numPre
                    + " pre-synaptic neurons need " + (numPre + 1) + " row pointers");
        }
        if (indptr[0] != 0 || indptr[numPre] != indices.length) {
            throw new InvalidConnectivityException("indptr must start at 0 and end at the number of synapses "
                    + indices.length + "; it runs from " + indptr[0] + " to " + indptr[numPre]);
        }
        for (int i = 0; i < numPre; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw new InvalidConnectivityException("indptr decreases at pre neuron " + i + " (" + indptr[i]
                        + " -> " + indptr[i + 1] + "); row pointers must be non-decreasing");
            }
        }
        for (int s = 0; s < indices.length; s++) {
            if (indices[s] < 0 || indices[s] >= numPost) {
                throw new InvalidConnectivityException("synapse " + s + " targets post neuron " + indices[s]
                        + ", outside [0, " + numPost + "); give post indices within the post population");
            }
        }
        if (weights != null && weights.length != indices.length) {
            throw new InvalidConnectivityException("weights has length " + weights.length + " but there are "
                    + indices.length + " synapses; give one weight per synapse");
        }
    }

    public int numPre() {
        return numPre;
    }

    public int numPost() {
        return numPost;
    }

    public int numSynapses() {
        return indices.length;
    }

    /** Per-synapse weights in synapse-id order, when the connector makes them. */
    public Optional<double[]> weights() {
        return Optional.ofNullable(weights);
    }

    /** The CSR arrays (rows = pre neurons), the primary form. */
    public Csr csr() {
        return new Csr(indptr, indices, weights);
    }

    /** The CSC arrays (columns = post neurons) with the synapse permutation that maps weights over. */
    public synchronized Csc csc() {
        if (csc == null) {
            int[] colptr = new int[numPost + 1];
            for (int j : indices) {
                colptr[j + 1]++;
            }
            for (int j = 0; j < numPost; j++) {
                colptr[j + 1] += colptr[j];
            }
            int[] next = Arrays.copyOf(colptr, numPost);
            int[] pres = new int[indices.length];
            int[] syns = new int[indices.length];
            // Visiting synapses in CSR order leaves each column's pre neurons ascending.
            for (int i = 0; i < numPre; i++) {
                for (int s = indptr[i]; s < indptr[i + 1]; s++) {
                    int q = next[indices[s]]++;
                    pres[q] = i;
                    syns[q] = s;
                }
            }
            double[] w = null;
            if (weights != null) {
                w = new double[syns.length];
                for (int q = 0; q < syns.length; q++) {
                    w[q] = weights[syns[q]];
                }
            }
            csc = new Csc(colptr, pres, syns, w);
        }
        return csc;
    }

    /** BrainPy's {@code pre_ids}: the pre neuron of each synapse, by synapse id. */
    public synchronized int[] preIds() {
        if (preIds == null) {
            preIds = new int[indices.length];
            for (int i = 0; i < numPre; i++) {
                Arrays.fill(preIds, indptr[i], indptr[i + 1], i);
            }
        }
        return preIds;
    }

    /** BrainPy's {@code post_ids}: the post neuron of each synapse, by synapse id (the CSR indices). */
    public int[] postIds() {
        return indices;
    }

    /** BrainPy's {@code pre2post}: for each pre neuron, the post neurons it projects to. */
    public synchronized int[][] pre2post() {
        if (pre2post == null) {
            pre2post = rows(indptr, indices);
        }
        return pre2post;
    }

    /** BrainPy's {@code post2pre}: for each post neuron, the pre neurons projecting to it (ascending). */
    public synchronized int[][] post2pre() {
        if (post2pre == null) {
            Csc c = csc();
            post2pre = rows(c.indptr(), c.indices());
        }
        return post2pre;
    }

    /** BrainPy's {@code pre2syn}: for each pre neuron, the ids of its outgoing synapses. */
    public synchronized int[][] pre2syn() {
        if (pre2syn == null) {
            pre2syn = new int[numPre][];
            for (int i = 0; i < numPre; i++) {
                pre2syn[i] = java.util.stream.IntStream.range(indptr[i], indptr[i + 1]).toArray();
            }
        }
        return pre2syn;
    }

    /** BrainPy's {@code post2syn}: for each post neuron, the ids of its incoming synapses. */
    public synchronized int[][] post2syn() {
        if (post2syn == null) {
            Csc c = csc();
            post2syn = rows(c.indptr(), c.synapses());
        }
        return post2syn;
    }

    /**
     * BrainPy's {@code pre_slice} ({@code pre_slice_syn} in 1.x): for each pre neuron {@code
     * {start, end}} such that its synapses are ids {@code start .. end-1}.
     */
    public synchronized int[][] preSlice() {
        if (preSlice == null) {
            preSlice = slices(indptr);
        }
        return preSlice;
    }

    /**
     * BrainPy's {@code post_slice}: for each post neuron {@code {start, end}} into the
     * post-sorted synapse order of {@link #csc()} (positions {@code start .. end-1} of {@code
     * csc().indices()} are its pre neurons, of {@code csc().synapses()} its synapse ids).
     */
    public synchronized int[][] postSlice() {
        if (postSlice == null) {
            postSlice = slices(csc().indptr());
        }
        return postSlice;
    }

    /**
     * BrainPy's {@code conn_mat}: {@code connMat()[i][j]} is whether pre neuron {@code i}
     * connects to post neuron {@code j}. Dense, so refused above {@value #MAX_DENSE_CELLS} cells.
     *
     * @throws ConnectivityTooLargeException when {@code numPre * numPost} exceeds {@link #MAX_DENSE_CELLS}
     */
    public synchronized boolean[][] connMat() {
        if (connMat == null) {
            long cells = (long) numPre * numPost;
            if (cells > MAX_DENSE_CELLS) {
                throw new ConnectivityTooLargeException("conn_mat of " + numPre + " x " + numPost + " = " + cells
                        + " cells exceeds the dense limit of " + MAX_DENSE_CELLS
                        + "; use the sparse structures (csr, pre2post, pre_slice) instead");
            }
            connMat = new boolean[numPre][numPost];
            for (int i = 0; i < numPre; i++) {
                for (int s = indptr[i]; s < indptr[i + 1]; s++) {
                    connMat[i][indices[s]] = true;
                }
            }
        }
        return connMat;
    }

    /**
     * The structures named as in the reference ({@code conn.requires('pre_ids', 'post_ids')}),
     * in the order asked: see {@link #STRUCTURES}. {@code csr} and {@code csc} give {@link Csr}
     * and {@link Csc}; {@code weights} gives the weights array or {@code null}.
     *
     * @throws UnknownNameException for a name not in {@link #STRUCTURES}
     */
    public List<Object> requires(String... names) {
        List<Object> out = new ArrayList<>(names.length);
        for (String name : names) {
            out.add(switch (name) {
                case "conn_mat" -> connMat();
                case "pre_ids" -> preIds();
                case "post_ids" -> postIds();
                case "pre2post" -> pre2post();
                case "post2pre" -> post2pre();
                case "pre2syn" -> pre2syn();
                case "post2syn" -> post2syn();
                case "pre_slice", "pre_slice_syn" -> preSlice();
                case "post_slice", "post_slice_syn" -> postSlice();
                case "weights" -> weights;
                case "csr" -> csr();
                case "csc" -> csc();
                default -> throw new UnknownNameException("connectivity structure", name, STRUCTURES);
            });
        }
        return out;
    }

    @Override
    public String toString() {
        return "Connectivity(" + numPre + " -> " + numPost + ", " + indices.length + " synapses"
                + (weights == null ? "" : ", weighted") + ")";
    }

    private static int[][] rows(int[] ptr, int[] values) {
        int[][] out = new int[ptr.length - 1][];
        for (int r = 0; r < out.length; r++) {
            out[r] = Arrays.copyOfRange(values, ptr[r], ptr[r + 1]);
        }
        return out;
    }

    private static int[][] slices(int[] ptr) {
        int[][] out = new int[ptr.length - 1][];
        for (int r = 0; r < out.length; r++) {
            out[r] = new int[] {ptr[r], ptr[r + 1]};
        }
        return out;
    }
}
