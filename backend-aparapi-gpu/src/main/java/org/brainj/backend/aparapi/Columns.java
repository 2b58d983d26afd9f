package org.brainj.backend.aparapi;

import org.brainj.api.tensor.TensorIndexException;

/**
 * A CSR checked once, and its columns (one per post-synaptic element), which the device's
 * per-post gathers walk: {@code colptr}, each entry's CSR row, and its CSR position (weights stay
 * per position, so a weight changed in place is seen). Entries of a column are in ascending row
 * and position, the order in which the CPU backend's row scatter reaches them. Kept with the
 * indices' pool range; an operation that writes the indices or the pointers makes a new one at
 * the next delivery. Checking covers every pointer and index, so the per-step launches need no
 * device checks and no read-back. The columns are made on the first gather.
 */
final class Columns {
    private final AparapiBackend backend;
    private final DeviceTensor ptr;
    private final DeviceTensor idx;
    private DeviceTensor colptr;
    private DeviceTensor rows;
    private DeviceTensor positions;
    private final int ptrWrites;
    private final int idxWrites;
    private final int posts;

    private Columns(AparapiBackend backend, DeviceTensor ptr, DeviceTensor idx, int posts) {
        this.backend = backend;
        this.ptr = ptr;
        this.idx = idx;
        this.ptrWrites = ptr.block().writes();
        this.idxWrites = idx.block().writes();
        this.posts = posts;
    }

    /** CSR ({@code ptr}, {@code idx}) onto {@code posts} elements, checked now or earlier. */
    static Columns of(AparapiBackend backend, String op, DeviceTensor ptr, DeviceTensor idx, int posts) {
        if (idx.block().derived() instanceof Columns c && c.ptr.block() == ptr.block() && c.ptr.offset() == ptr.offset()
                && c.ptr.size() == ptr.size() && c.ptrWrites == ptr.block().writes() && c.idx.offset() == idx.offset()
                && c.idx.size() == idx.size() && c.idxWrites == idx.block().writes() && c.posts == posts) {
            return c;
        }
        int[] p = ptr.toIntArray();
        int[] ix = idx.toIntArray();
        for (int line = 0; line + 1 < p.length; line++) {
            if (p[line] < 0 || p[line + 1] > ix.length || p[line] > p[line + 1]) {
                throw new TensorIndexException(op + ": indptr[" + line + "] = " + p[line] + ", indptr[" + (line + 1)
                        + "] = " + p[line + 1] + " are not non-decreasing offsets in [0, " + ix.length
                        + "]; fix the connectivity");
            }
            for (int k = p[line]; k < p[line + 1]; k++) {
                if (ix[k] < 0 || ix[k] >= posts) {
                    throw new TensorIndexException(op + ": indices[" + k + "] = " + ix[k] + " is outside the " + posts
                            + " post-synaptic elements; fix the connectivity");
                }
            }
        }
        Columns c = new Columns(backend, ptr, idx, posts);
        idx.block().derive(c);
        return c;
    }

    DeviceTensor colptr() {
        derive();
        return colptr;
    }

    DeviceTensor rows() {
        derive();
        return rows;
    }

    DeviceTensor positions() {
        derive();
        return positions;
    }

    private void derive() {
        if (colptr != null) {
            return;
        }
        int[] p = ptr.toIntArray();
        int[] ix = idx.toIntArray();
        int lines = p.length - 1;
        int[] colptr = new int[posts + 1];
        for (int line = 0; line < lines; line++) {
            for (int k = p[line]; k < p[line + 1]; k++) {
                colptr[ix[k] + 1]++;
            }
        }
        for (int j = 0; j < posts; j++) {
            colptr[j + 1] += colptr[j];
        }
        int[] fill = colptr.clone();
        int entries = colptr[posts];
        int[] rows = new int[entries];
        int[] positions = new int[entries];
        for (int line = 0; line < lines; line++) {
            for (int k = p[line]; k < p[line + 1]; k++) {
                int at = fill[ix[k]]++;
                rows[at] = line;
                positions[at] = k;
            }
        }
        this.colptr = backend.asTensor(colptr);
        this.rows = backend.asTensor(rows);
        this.positions = backend.asTensor(positions);
    }
}
