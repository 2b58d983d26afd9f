package org.brainj.backend.aparapi;

import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.TensorIndexException;

/**
 * One call of spike delivery: over the caller's CSC columns, or over a CSR, driven by spike flags
 * (optionally scaled per row) or by an event list whose elements from {@code first} on are the
 * CSR's rows. A CSR is delivered in one launch, by gathers over its derived columns
 * ({@link Columns}), one work item per post-synaptic element, or scattered by post ranges, one
 * per compute unit ({@link Device.Spread}). Shapes and dtypes are checked here; a CSR's
 * pointers and indices when its columns are derived; the caller's CSC by the device as it reads
 * it, and when it flags an entry, the arrays are read back to name the first bad one.
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

    /** The gather over the caller's CSC (colptr, rows). */
    void gather() {
        requireDType("spikes", spikes, DType.BOOL);
        check(post.size(), false);
        int[] status = backend.device().events(OpKernel.CSC_GATHER, post.slot(), spikes.slot(), ptr.slot(), idx.slot(),
                weights.slot(), weights.rank() == 0, post.size(), idx.size(), spikes.size(), post.size());
        if (status[OpKernel.BAD_POINTER] != 0 || status[OpKernel.BAD_INDEX] != 0) {
            diagnose();
        }
    }

    /** Adds the CSR rows of the flagged pre-synaptic elements, each scaled by its factor in {@code scale} if not null. */
    void flagged(DeviceTensor scale) {
        requireDType("spikes", spikes, DType.BOOL);
        check(spikes.size(), true);
        if (scale != null) {
            requireDType("scale", scale, post.dtype());
            requireRank1("scale", scale);
            if (scale.size() != spikes.size()) {
                throw new ShapeMismatchException(op + ": scale has shape " + Shapes.format(scale.shapeRef())
                        + " but needs one factor per pre-synaptic element (" + spikes.size() + ")");
            }
        }
        deliver(OpKernel.FLAG_GATHER, OpKernel.FLAG_SCATTER, 0, spikes.size(), scale == null ? -1 : scale.offset());
    }

    /** Adds the CSR rows of the listed elements from {@code first} on, in the list's order. */
    void listed(int first) {
        int lines = ptr.size() - 1;
        requireDType("list", spikes, DType.INT32);
        check(lines, true);
        deliver(OpKernel.LIST_GATHER, OpKernel.LIST_SCATTER, first, lines, -1);
    }

    /** One launch, cut as the device's {@link Device.Spread} says, after the CSR is checked (once). */
    private void deliver(int gather, int scatter, int first, int rows, int scale) {
        Columns c = Columns.of(backend, op, ptr, idx, post.size());
        Device device = backend.device();
        if (device.spread() == Device.Spread.GATHER) {
            device.gather(gather, first, rows, post.slot(), spikes.slot(), c, weights.slot(), weights.rank() == 0, scale);
        } else {
            device.scatter(scatter, first, rows, post.size(), post.slot(), spikes.slot(), ptr.slot(), idx.slot(),
                    weights.slot(), weights.rank() == 0, scale);
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

    /** The device flagged a bad entry of the caller's CSC: name the first, as the CPU backend does. */
    private void diagnose() {
        int[] p = ptr.toIntArray();
        int[] ix = idx.toIntArray();
        int bound = spikes.size();
        for (int line = 0; line + 1 < p.length; line++) {
            if (p[line] < 0 || p[line + 1] > ix.length || p[line] > p[line + 1]) {
                throw new TensorIndexException(op + ": " + ptrName + "[" + line + "] = " + p[line] + ", " + ptrName + "["
                        + (line + 1) + "] = " + p[line + 1] + " are not non-decreasing offsets in [0, " + ix.length
                        + "]; fix the connectivity");
            }
            for (int k = p[line]; k < p[line + 1]; k++) {
                if (ix[k] < 0 || ix[k] >= bound) {
                    throw new TensorIndexException(op + ": " + idxName + "[" + k + "] = " + ix[k] + " is outside the "
                            + bound + " pre-synaptic elements; fix the connectivity");
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
