package org.brainj.backend.aparapi;

import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.TensorIndexException;

/**
 * One call of spike delivery over compressed connectivity (CSR rows or CSC columns), driven by
 * spike flags or, for {@link OpKernel#CSR_LIST_ADD}, by an event list whose elements from
 * {@code first} on are the CSR's rows. Shapes and
 * dtypes are checked here; indices are checked by the device as it reads them, and when it flags
 * one, the arrays are read back to name the first bad entry.
 */
final class SpikeDelivery {
    private final AparapiBackend backend;
    private final String op;
    private final String ptrName;
    private final String idxName;
    private final DeviceTensor spikes;
    private final DeviceTensor ptr;
    private final DeviceTensor idx;
    private final DeviceTensor weights;
    private final DeviceTensor post;

    SpikeDelivery(AparapiBackend backend, String op, String ptrName, String idxName, DeviceTensor spikes,
            DeviceTensor ptr, DeviceTensor idx, DeviceTensor weights, DeviceTensor post) {
        this.backend = backend;
        this.op = op;
        this.ptrName = ptrName;
        this.idxName = idxName;
        this.spikes = spikes;
        this.ptr = ptr;
        this.idx = idx;
        this.weights = weights;
        this.post = post;
    }

    void run(int kernelOp) {
        boolean csr = kernelOp == OpKernel.CSR_ADD;
        int lines = csr ? spikes.size() : post.size();
        int bound = csr ? post.size() : spikes.size();
        requireDType("spikes", spikes, DType.BOOL);
        check(lines, csr);
        int[] status = backend.device().events(kernelOp, post.slot(), spikes.slot(), ptr.slot(), idx.slot(),
                weights.slot(), weights.rank() == 0, lines, idx.size(), bound, post.size());
        if (status[OpKernel.BAD_POINTER] != 0 || status[OpKernel.BAD_INDEX] != 0) {
            diagnose(csr, bound, spikes.toBooleanArray());
        }
    }

    /** Adds the CSR rows of the listed elements from {@code first} on, in the list's order. */
    void runListed(int first) {
        int lines = ptr.size() - 1;
        requireDType("list", spikes, DType.INT32);
        check(lines, true);
        int[] status = backend.device().listed(OpKernel.CSR_LIST_ADD, first, lines, post.slot(), spikes.slot(),
                ptr.slot(), idx.slot(), weights.slot(), weights.rank() == 0, idx.size(), post.size());
        if (status[OpKernel.BAD_POINTER] != 0 || status[OpKernel.BAD_INDEX] != 0) {
            int[] list = spikes.toIntArray();
            boolean[] listed = new boolean[lines];
            for (int e = 1; e <= list[0]; e++) {
                if (list[e] - first >= 0 && list[e] - first < lines) {
                    listed[list[e] - first] = true;
                }
            }
            diagnose(true, post.size(), listed);
        }
    }

    private void check(int lines, boolean csr) {
        requireDType(ptrName, ptr, DType.INT32);
        requireDType(idxName, idx, DType.INT32);
        if (!post.dtype().isFloat()) {
            throw new DTypeMismatchException(op + ": post has dtype " + post.dtype()
                    + " but must be float32 or float64; allocate it with a float dtype");
        }
        requireDType("weights", weights, post.dtype());
        requireRank1(spikes.dtype() == DType.INT32 ? "list" : "spikes", spikes);
        requireRank1("post", post);
        requireRank1(idxName, idx);
        requireRank1(ptrName, ptr);
        if (ptr.size() != lines + 1) {
            throw new ShapeMismatchException(op + ": " + ptrName + " has shape " + Shapes.format(ptr.shapeRef())
                    + " but needs " + (lines + 1) + " entries (one more than the " + lines + " "
                    + (csr ? "pre-synaptic" : "post-synaptic") + " elements)");
        }
        if (weights.rank() != 0 && !(weights.rank() == 1 && weights.size() == idx.size())) {
            throw new ShapeMismatchException(op + ": weights have shape " + Shapes.format(weights.shapeRef())
                    + " but must be 0-d (one weight) or match " + idxName + " " + Shapes.format(idx.shapeRef()));
        }
    }

    /** The device flagged bad connectivity: name the first bad pointer or index, as the CPU backend does. */
    private void diagnose(boolean csr, int bound, boolean[] s) {
        int[] p = ptr.toIntArray();
        int[] ix = idx.toIntArray();
        for (int line = 0; line + 1 < p.length; line++) {
            if (csr && !s[line]) {
                continue;
            }
            if (p[line] < 0 || p[line + 1] > ix.length || p[line] > p[line + 1]) {
                throw new TensorIndexException(op + ": " + ptrName + "[" + line + "] = " + p[line] + ", " + ptrName + "["
                        + (line + 1) + "] = " + p[line + 1] + " are not non-decreasing offsets in [0, " + ix.length
                        + "]; fix the connectivity");
            }
            for (int k = p[line]; k < p[line + 1]; k++) {
                if (ix[k] < 0 || ix[k] >= bound) {
                    throw new TensorIndexException(op + ": " + idxName + "[" + k + "] = " + ix[k] + " is outside the "
                            + bound + (csr ? " post-synaptic" : " pre-synaptic") + " elements; fix the connectivity");
                }
            }
        }
        throw new TensorIndexException(op + ": the device found invalid connectivity; check " + ptrName + " and " + idxName);
    }

    private void requireDType(String role, DeviceTensor t, DType dtype) {
        if (t.dtype() != dtype) {
            throw new DTypeMismatchException(op + ": " + role + " has dtype " + t.dtype() + " but must be " + dtype
                    + "; convert it with astype(" + dtype + ")");
        }
    }

    private void requireRank1(String role, DeviceTensor t) {
        if (t.rank() != 1) {
            throw new ShapeMismatchException(op + ": " + role + " has shape " + Shapes.format(t.shapeRef())
                    + " but must be 1-d; reshape it");
        }
    }
}
