package org.brainj.backend.aparapi;

import org.brainj.api.tensor.TensorIndexException;

/**
 * The columns of a CSR (one per post-synaptic element), which the device's per-post gathers walk:
 * {@code colptr}, each entry's CSR row, and its CSR position (weights stay per position, so a
 * weight changed in place is seen). Entries of a column are in ascending row and position, the
 * order in which the CPU backend's row scatter reaches them. Derived on the host once per CSR and
 * kept with the indices' pool range; an operation that writes the indices or the pointers makes
 * a new derivation at the next delivery. Deriving checks every pointer and index, so the
 * per-step launches need no device checks and no read-back.
 */
final class Columns {
    final DeviceTensor colptr;
    final DeviceTensor rows;
    final DeviceTensor positions;
    private final Device.Block ptrBlock;
    private final int ptrOffset;
    private final int ptrWrites;
    private final int idxOffset;
    private final int idxWrites;
    private final int nnz;
    private final int posts;

    private Columns(AparapiBackend backend, DeviceTensor ptr, DeviceTensor idx, int posts, int[] colptr, int[] rows,
            int[] positions) {
        this.colptr = backend.asTensor(colptr);
        this.rows = backend.asTensor(rows);
        this.positions = backend.asTensor(positions);
        this.ptrBlock = ptr.block();
        this.ptrOffset = ptr.offset();
        this.ptrWrites = ptr.block().writes();
        this.idxOffset = idx.offset();
        this.idxWrites = idx.block().writes();
        this.nnz = idx.size();
        this.posts = posts;
    }

    /** The columns of CSR ({@code ptr}, {@code idx}) onto {@code posts} elements, derived now or earlier. */
    static Columns of(AparapiBackend backend, String op, DeviceTensor ptr, DeviceTensor idx, int posts) {
        if (idx.block().derived() instanceof Columns c && c.ptrBlock == ptr.block() && c.ptrOffset == ptr.offset()
                && c.ptrWrites == ptr.block().writes() && c.idxOffset == idx.offset()
                && c.idxWrites == idx.block().writes() && c.nnz == idx.size() && c.posts == posts) {
            return c;
        }
        Columns c = derive(backend, op, ptr, idx, posts);
        idx.block().derive(c);
        return c;
    }

    private static Columns derive(AparapiBackend backend, String op, DeviceTensor ptr, DeviceTensor idx, int posts) {
        int[] p = ptr.toIntArray();
        int[] ix = idx.toIntArray();
        int[] colptr = new int[posts + 1];
        int lines = p.length - 1;
        for (int line = 0; line < lines; line++) {
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
        return new Columns(backend, ptr, idx, posts, colptr, rows, positions);
    }
}
