package org.brainj.backend.cpu;

import java.util.Locale;

import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.TensorIndexException;

/**
 * Spike delivery over compressed sparse connectivity. Only the rows (columns) actually visited
 * are checked against the index ranges, so the check costs one compare per synapse touched.
 */
final class EventOps {
    private EventOps() {
    }

    /** {@code post[indices[k]] += w[k]} for each spiking row {@code i}, {@code k in [indptr[i], indptr[i+1])}. */
    static void csrEventAdd(CpuTensor spikes, CpuTensor indptr, CpuTensor indices, CpuTensor weights, CpuTensor post) {
        String op = "csrEventAdd";
        Layout l = check(op, spikes, indptr, indices, weights, post, "indptr", "indices", spikes.size());
        boolean[] s = (boolean[]) spikes.data();
        int so = spikes.offset();
        for (int i = 0; i < l.lines; i++) {
            if (s[so + i]) {
                l.addRow(i, weights, post, 0, post.size());
            }
        }
    }

    /**
     * The estimated cost (ns) of one synapse's delivery: a scattered read-modify-write, about
     * what a cache miss costs once the targets outgrow the cache.
     */
    static final double SYNAPSE_NS = 2;

    /**
     * {@code post[indices[k]] += w[k]} for each listed {@code i} in {@code [first, first + rows)}, row
     * {@code i - first}. Where the delivery site ({@link SplitSite}, per connectivity and target)
     * splits, the post-synaptic elements are split into one contiguous range per thread, each
     * thread going through all listed rows and adding only to its own range: no two threads write
     * one element, and each element gets its additions in the list's order, as on one thread, so
     * the sums are the same to the bit. Where every row's targets ascend (as the connectors make
     * them; checked once per connectivity), a thread finds its stretch of each row by binary
     * search and reads only that; else it reads the whole row and skips the targets of others.
     */
    static void csrListAdd(CpuTensor list, int first, CpuTensor indptr, CpuTensor indices, CpuTensor weights,
                           CpuTensor post, StepThreads threads) {
        String op = "csrListAdd";
        int rows = indptr.size() - 1;
        Layout l = check(op, null, indptr, indices, weights, post, "indptr", "indices", rows);
        int[] ids = listed(op, list);
        int lo = list.offset() + 1;
        int hi = lo + ids[list.offset()];
        int n = post.size();
        // counting the synapses costs a pass over the list: only where there is a second thread
        double workNs = threads.threads() >= 2 ? SYNAPSE_NS * l.synapses(ids, lo, hi, first) : 0;
        if (!threads.pays(workNs)) {
            l.addRows(ids, lo, hi, first, weights, post, 0, n);
            return;
        }
        Connectivity c = Connectivity.of(indptr, indices);
        SplitSite site = c.site(post, threads);
        if (site.splits(workNs)) {
            boolean ascending = c.ascending(l::ascendingRows);
            int parts = threads.threads();
            threads.run(p -> {
                int from = (int) ((long) n * p / parts);
                int to = (int) ((long) n * (p + 1) / parts);
                if (ascending) {
                    l.addStretches(ids, lo, hi, first, weights, post, from, to);
                } else {
                    l.addRows(ids, lo, hi, first, weights, post, from, to);
                }
            });
        } else {
            l.addRows(ids, lo, hi, first, weights, post, 0, n);
        }
        site.done();
    }

    /** {@code list = [n, i_1 < ... < i_n]}: the nonzero elements of {@code flags}. */
    static void eventList(CpuTensor flags, CpuTensor list) {
        String op = "eventList";
        requireRank1(op, "flags", flags);
        requireDType(op, "list", list, DType.INT32);
        requireRank1(op, "list", list);
        if (list.size() != flags.size() + 1) {
            throw new ShapeMismatchException(op + ": list has shape " + Shapes.format(list.shapeRef())
                    + " but needs " + (flags.size() + 1) + " elements (the count, then one per flag)");
        }
        int[] out = (int[]) list.data();
        int at = list.offset() + 1;
        int n = 0;
        int size = flags.size();
        int fo = flags.offset();
        Object f = flags.data();
        for (int i = 0; i < size; i++) {
            if (isSet(f, fo + i)) {
                out[at + n++] = i;
            }
        }
        out[list.offset()] = n;
    }

    /**
     * {@link org.brainj.api.tensor.Backend#eventAppend}: the list's count and indices copied
     * after what {@code log} holds, straight between the arrays. A spike monitor calls it for each
     * group in each step, where the interface's default made six tensors a call.
     */
    static void eventAppend(CpuTensor list, CpuTensor log) {
        String op = "eventAppend";
        if (log.dtype() != DType.INT32 || log.rank() != 1 || log.size() == 0) {
            throw new DTypeMismatchException(op + ": the log must be a non-empty 1-d int32 tensor, not "
                    + log.dtype().name().toLowerCase(Locale.ROOT) + " of shape " + Shapes.format(log.shapeRef()));
        }
        int[] ids = listed(op, list);
        int[] out = (int[]) log.data();
        int head = log.offset();
        int used = out[head];
        if (used < 0) {
            return;
        }
        int count = ids[list.offset()];
        if (2L + used + count > log.size()) {
            out[head] = -1;
            return;
        }
        System.arraycopy(ids, list.offset(), out, head + 1 + used, 1 + count);
        out[head] = used + 1 + count;
    }

    /** {@code flags[i - first] = 1} for each listed {@code i} in range, 0 elsewhere. */
    static void eventFlags(CpuTensor list, int first, CpuTensor flags) {
        String op = "eventFlags";
        requireRank1(op, "flags", flags);
        int[] ids = listed(op, list);
        int size = flags.size();
        int fo = flags.offset();
        Object f = flags.data();
        for (int i = 0; i < size; i++) {
            set(f, fo + i, false);
        }
        int lo = list.offset() + 1;
        int hi = lo + ids[list.offset()];
        for (int k = lo; k < hi; k++) {
            int i = ids[k] - first;
            if (i >= 0 && i < size) {
                set(f, fo + i, true);
            }
        }
    }

    private static boolean isSet(Object a, int p) {
        if (a instanceof boolean[] b) {
            return b[p];
        } else if (a instanceof double[] d) {
            return d[p] != 0;
        } else if (a instanceof float[] d) {
            return d[p] != 0;
        }
        return ((int[]) a)[p] != 0;
    }

    private static void set(Object a, int p, boolean value) {
        if (a instanceof boolean[] b) {
            b[p] = value;
        } else if (a instanceof double[] d) {
            d[p] = value ? 1 : 0;
        } else if (a instanceof float[] d) {
            d[p] = value ? 1 : 0;
        } else {
            ((int[]) a)[p] = value ? 1 : 0;
        }
    }

    /** The list's array after checking its form: int32, 1-d, a count that fits. */
    private static int[] listed(String op, CpuTensor list) {
        requireDType(op, "list", list, DType.INT32);
        requireRank1(op, "list", list);
        int[] ids = (int[]) list.data();
        int n = list.size() == 0 ? -1 : ids[list.offset()];
        if (n < 0 || n > list.size() - 1) {
            throw new TensorIndexException(op + ": list[0] = " + n + " is not a count of at most " + (list.size() - 1)
                    + " listed elements; make the list with eventList");
        }
        return ids;
    }

    /** {@code post[indices[k]] += scale[i] * w[k]} for each spiking row {@code i}: short-term plasticity's delivery. */
    static void csrEventAddScaled(CpuTensor spikes, CpuTensor scale, CpuTensor indptr, CpuTensor indices,
                                  CpuTensor weights, CpuTensor post) {
        String op = "csrEventAddScaled";
        Layout l = check(op, spikes, indptr, indices, weights, post, "indptr", "indices", spikes.size());
        requireDType(op, "scale", scale, post.dtype());
        requireRank1(op, "scale", scale);
        if (scale.size() != spikes.size()) {
            throw new ShapeMismatchException(op + ": scale has shape " + Shapes.format(scale.shapeRef())
                    + " but needs one factor per pre-synaptic element (" + spikes.size() + ")");
        }
        boolean[] s = (boolean[]) spikes.data();
        int so = spikes.offset();
        for (int i = 0; i < l.lines; i++) {
            if (!s[so + i]) {
                continue;
            }
            double f = scale.dtype() == DType.FLOAT64 ? ((double[]) scale.data())[scale.offset() + i]
                    : ((float[]) scale.data())[scale.offset() + i];
            for (int k = l.ptr(i); k < l.ptr(i + 1); k++) {
                int j = l.target(k);
                if (j < 0 || j >= post.size()) {
                    throw new TensorIndexException(op + ": indices[" + k + "] = " + j + " is outside the "
                            + post.size() + " post-synaptic elements; fix the connectivity");
                }
                l.add(post, j, weights, k, f);
            }
        }
    }

    /** {@code post[j] += w[k]} for {@code k in [colptr[j], colptr[j+1])} where {@code spikes[rows[k]]}. */
    static void cscEventGather(CpuTensor spikes, CpuTensor colptr, CpuTensor rows, CpuTensor weights, CpuTensor post) {
        String op = "cscEventGather";
        Layout l = check(op, spikes, colptr, rows, weights, post, "colptr", "rows", post.size());
        boolean[] s = (boolean[]) spikes.data();
        int so = spikes.offset();
        int nPre = spikes.size();
        for (int j = 0; j < l.lines; j++) {
            int from = l.ptr(j);
            int to = l.ptr(j + 1);
            for (int k = from; k < to; k++) {
                int i = l.target(k);
                if (i < 0 || i >= nPre) {
                    throw new TensorIndexException(op + ": rows[" + k + "] = " + i + " is outside the "
                            + nPre + " pre-synaptic elements; fix the connectivity");
                }
                if (s[so + i]) {
                    l.add(post, j, weights, k, 1);
                }
            }
        }
    }

    private static Layout check(String op, CpuTensor spikes, CpuTensor ptr, CpuTensor idx, CpuTensor weights,
            CpuTensor post, String ptrName, String idxName, int lines) {
        if (spikes != null) {
            requireDType(op, "spikes", spikes, DType.BOOL);
            requireRank1(op, "spikes", spikes);
        }
        requireDType(op, ptrName, ptr, DType.INT32);
        requireDType(op, idxName, idx, DType.INT32);
        if (!post.dtype().isFloat()) {
            throw new DTypeMismatchException(op + ": post has dtype " + post.dtype()
                    + " but must be float32 or float64; allocate it with a float dtype");
        }
        requireDType(op, "weights", weights, post.dtype());
        requireRank1(op, "post", post);
        requireRank1(op, idxName, idx);
        requireRank1(op, ptrName, ptr);
        if (ptr.size() != lines + 1) {
            throw new ShapeMismatchException(op + ": " + ptrName + " has shape " + Shapes.format(ptr.shapeRef())
                    + " but needs " + (lines + 1) + " entries (one more than the " + lines + " "
                    + (ptrName.equals("indptr") ? "pre-synaptic" : "post-synaptic") + " elements)");
        }
        if (weights.rank() != 0 && !(weights.rank() == 1 && weights.size() == idx.size())) {
            throw new ShapeMismatchException(op + ": weights have shape " + Shapes.format(weights.shapeRef())
                    + " but must be 0-d (one weight) or match " + idxName + " " + Shapes.format(idx.shapeRef()));
        }
        return new Layout(op, ptrName, ptr, idx, lines);
    }

    private static void requireDType(String op, String role, CpuTensor t, DType dtype) {
        if (t.dtype() != dtype) {
            throw new DTypeMismatchException(op + ": " + role + " has dtype " + t.dtype() + " but must be " + dtype
                    + "; convert it with astype(" + dtype + ")");
        }
    }

    private static void requireRank1(String op, String role, CpuTensor t) {
        if (t.rank() != 1) {
            throw new ShapeMismatchException(op + ": " + role + " has shape " + Shapes.format(t.shapeRef())
                    + " but must be 1-d; reshape it");
        }
    }

    /** The compressed arrays of one call, with checks on the pointers as they are read. */
    private static final class Layout {
        private final String op;
        private final String ptrName;
        private final int[] ptr;
        private final int ptrOffset;
        private final int[] idx;
        private final int idxOffset;
        private final int nnz;
        final int lines;

        Layout(String op, String ptrName, CpuTensor ptr, CpuTensor idx, int lines) {
            this.op = op;
            this.ptrName = ptrName;
            this.ptr = (int[]) ptr.data();
            this.ptrOffset = ptr.offset();
            this.idx = (int[]) idx.data();
            this.idxOffset = idx.offset();
            this.nnz = idx.size();
            this.lines = lines;
        }

        int ptr(int line) {
            int p = ptr[ptrOffset + line];
            // row 0 compares p with itself: no branch on the row, which the JIT compiled for the rows
            // its profile had seen (never row 0) and deoptimised when row 0 spiked (unstable_if in a
            // JFR recording of CUBA), recompiling the delivery loop in the middle of the run
            if (p < 0 || p > nnz || p < ptr[ptrOffset + Math.max(line - 1, 0)]) {
                throw new TensorIndexException(op + ": " + ptrName + "[" + line + "] = " + p
                        + " is not a non-decreasing offset in [0, " + nnz + "]; fix the connectivity");
            }
            return p;
        }

        int target(int k) {
            return idx[idxOffset + k];
        }

        void add(CpuTensor post, int j, CpuTensor weights, int k, double factor) {
            int w = weights.rank() == 0 ? 0 : k;
            if (post.dtype() == DType.FLOAT64) {
                ((double[]) post.data())[post.offset() + j] += factor * ((double[]) weights.data())[weights.offset() + w];
            } else {
                ((float[]) post.data())[post.offset() + j] += (float) (factor * ((float[]) weights.data())[weights.offset() + w]);
            }
        }

        /** The synapses of the listed rows {@code ids[lo .. hi) - first} that are rows of this layout. */
        long synapses(int[] ids, int lo, int hi, int first) {
            long count = 0;
            for (int k = lo; k < hi; k++) {
                int row = ids[k] - first;
                if (row >= 0 && row < lines) {
                    count += ptr[ptrOffset + row + 1] - ptr[ptrOffset + row];
                }
            }
            return count;
        }

        /** Whether the targets of every row ascend (repeats allowed). */
        boolean ascendingRows() {
            for (int line = 0; line < lines; line++) {
                int end = ptr(line + 1);
                for (int k = ptr(line) + 1; k < end; k++) {
                    if (idx[idxOffset + k] < idx[idxOffset + k - 1]) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** {@link #addRow} for each listed row {@code ids[lo .. hi) - first} in order, adding only to targets in {@code [from, to)}. */
        void addRows(int[] ids, int lo, int hi, int first, CpuTensor weights, CpuTensor post, int from, int to) {
            for (int k = lo; k < hi; k++) {
                int row = ids[k] - first;
                if (row >= 0 && row < lines) {
                    addRow(row, weights, post, from, to);
                }
            }
        }

        /**
         * {@link #addStretch} for each listed row in order: a method apart from {@link #addRows},
         * so that one thread's delivery compiles as it did before splits by stretches (sharing
         * addRows, its loop took a fifth more time, SparseHighRate at 10^4).
         */
        void addStretches(int[] ids, int lo, int hi, int first, CpuTensor weights, CpuTensor post, int from, int to) {
            for (int k = lo; k < hi; k++) {
                int row = ids[k] - first;
                if (row >= 0 && row < lines) {
                    addStretch(row, weights, post, from, to);
                }
            }
        }

        /** The first synapse of {@code [start, end)} (ascending targets) whose target is at least {@code j}. */
        private int firstReaching(int start, int end, int j) {
            int a = start;
            int b = end;
            while (a < b) {
                int m = (a + b) >>> 1;
                if (idx[idxOffset + m] < j) {
                    a = m + 1;
                } else {
                    b = m;
                }
            }
            return a;
        }

        /**
         * {@code post[indices[k]] += w[k]} (or the one weight) over the synapses of {@code line}
         * whose targets are in {@code [from, to)}, in one loop per dtype: the operands were checked
         * once for the call, only the targets are checked here.
         */
        void addRow(int line, CpuTensor weights, CpuTensor post, int from, int to) {
            int start = ptr(line);
            int end = ptr(line + 1);
            int n = post.size();
            int po = post.offset();
            int wo = weights.offset();
            int stride = weights.rank() == 0 ? 0 : 1;
            boolean all = from == 0 && to == n;
            // the target check is written out in each loop, not called per synapse: until the JIT
            // compiles this, a call per synapse is a large share of a small network's step
            int[] ix = idx;
            int io = idxOffset;
            if (post.data() instanceof double[] p) {
                double[] w = (double[]) weights.data();
                for (int k = start; k < end; k++) {
                    int j = ix[io + k];
                    if (j < 0 || j >= n) {
                        throw misplaced(k, j, n);
                    }
                    if (all || (j >= from && j < to)) {
                        p[po + j] += w[wo + stride * k];
                    }
                }
            } else {
                float[] p = (float[]) post.data();
                float[] w = (float[]) weights.data();
                for (int k = start; k < end; k++) {
                    int j = ix[io + k];
                    if (j < 0 || j >= n) {
                        throw misplaced(k, j, n);
                    }
                    if (all || (j >= from && j < to)) {
                        p[po + j] += w[wo + stride * k];
                    }
                }
            }
        }

        /**
         * {@link #addRow} of a row whose targets ascend, reading only its stretch in {@code [from,
         * to)}: the first part's stretch runs from the row's start and the last's to its end, so
         * that a target outside the post-synaptic elements still meets a check, and every target
         * read is checked to be the part's own, which holds the connectivity to the order found
         * once. A loop of its own, not a branch of addRow's: sharing one compiled loop with the
         * whole rows of one thread, the part's bounds made those half as slow again (Dense at 10^4).
         */
        void addStretch(int line, CpuTensor weights, CpuTensor post, int from, int to) {
            int start = ptr(line);
            int end = ptr(line + 1);
            int n = post.size();
            start = from == 0 ? start : firstReaching(start, end, from);
            end = to == n ? end : firstReaching(start, end, to);
            int po = post.offset();
            int wo = weights.offset();
            int stride = weights.rank() == 0 ? 0 : 1;
            int[] ix = idx;
            int io = idxOffset;
            if (post.data() instanceof double[] p) {
                double[] w = (double[]) weights.data();
                for (int k = start; k < end; k++) {
                    int j = ix[io + k];
                    if (j < from || j >= to) {
                        throw misplaced(k, j, n);
                    }
                    p[po + j] += w[wo + stride * k];
                }
            } else {
                float[] p = (float[]) post.data();
                float[] w = (float[]) weights.data();
                for (int k = start; k < end; k++) {
                    int j = ix[io + k];
                    if (j < from || j >= to) {
                        throw misplaced(k, j, n);
                    }
                    p[po + j] += w[wo + stride * k];
                }
            }
        }

        private RuntimeException misplaced(int k, int j, int n) {
            if (j >= 0 && j < n) {
                return new IllegalStateException(op + ": indices[" + k + "] = " + j + " breaks its row's ascending"
                        + " order, found when the connectivity was first split; a connectivity's indices must not"
                        + " change while it is delivered through (make a new tensor)");
            }
            return new TensorIndexException(op + ": indices[" + k + "] = " + j + " is outside the "
                    + n + " post-synaptic elements; fix the connectivity");
        }
    }
}
