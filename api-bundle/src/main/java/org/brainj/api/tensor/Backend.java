package org.brainj.api.tensor;

import java.util.Set;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.random.RandomKey;

/**
 * A compute backend: it owns tensors and implements the operation sets of the reference's
 * "Unified Operations". Backends register as services with the property {@value #NAME_PROPERTY}.
 *
 * <p>Every operation that produces a tensor takes an optional caller-supplied output {@code out}
 * (null to allocate) of the right dtype and shape, so hot loops need not allocate. Operands of
 * one operation share a dtype (no silent promotion) and broadcast as in numpy. Operands must
 * belong to this backend; {@link #transfer} brings in tensors of another.
 *
 * <p>A backend implements the primitive methods; the reference's named operations ({@code add},
 * {@code exp}, {@code sum}, ...) are defaults over them, and a backend may override any of them
 * with a faster version.
 */
public interface Backend {
    /** The service property that carries a backend's name. */
    String NAME_PROPERTY = "backend.name";

    /** {@code cpu}, {@code aparapi}, ... */
    String name();

    /** What the backend runs on (e.g. the OpenCL device), for listings and reports. */
    String description();

    // ---- creation ------------------------------------------------------------------------

    Tensor full(DType dtype, double value, int... shape);

    default Tensor zeros(DType dtype, int... shape) {
        return full(dtype, 0, shape);
    }

    default Tensor ones(DType dtype, int... shape) {
        return full(dtype, 1, shape);
    }

    /** A 0-d tensor holding {@code value}. */
    default Tensor scalar(DType dtype, double value) {
        return full(dtype, value);
    }

    /** float64 elements; {@code shape} defaults to {@code (data.length,)} when empty. */
    Tensor asTensor(double[] data, int... shape);

    /** float32 elements. */
    Tensor asTensor(float[] data, int... shape);

    /** int32 elements. */
    Tensor asTensor(int[] data, int... shape);

    /** bool elements. */
    Tensor asTensor(boolean[] data, int... shape);

    /**
     * int32 elements that no one writes again (connectivity): the caller leaves {@code data}
     * unchanged and passes the tensor to operations only as an input, so a backend that keeps its
     * tensors in host arrays may hold {@code data} itself instead of a copy. By default a copy,
     * as {@link #asTensor(int[], int...)}.
     */
    default Tensor asReadOnlyTensor(int[] data, int... shape) {
        return asTensor(data, shape);
    }

    /** {@code start, start + step, ...} below {@code stop} (above it for a negative step). */
    Tensor arange(DType dtype, double start, double stop, double step);

    /** Parts that agree on every axis but {@code axis}, joined along it. */
    Tensor concatenate(int axis, Tensor... parts);

    /** A view of {@code x} with another shape of the same size. One dimension may be -1. */
    Tensor reshape(Tensor x, int... shape);

    /** A view of rows {@code [from, to)} of {@code x} along its first axis. */
    Tensor slice(Tensor x, int from, int to);

    /** The elements of {@code x} converted to {@code dtype}. */
    Tensor astype(Tensor x, DType dtype, Tensor out);

    default int[] shape(Tensor x) {
        return x.shape();
    }

    // ---- elementwise ---------------------------------------------------------------------

    Tensor unary(UnaryOp op, Tensor x, Tensor out);

    Tensor binary(BinaryOp op, Tensor a, Tensor b, Tensor out);

    /** {@code cond ? a : b} elementwise; {@code cond} is bool, {@code a} and {@code b} share a dtype. */
    Tensor where(Tensor cond, Tensor a, Tensor b, Tensor out);

    /** {@code x} limited to {@code [lo, hi]}. */
    Tensor clip(Tensor x, double lo, double hi, Tensor out);

    // ---- reductions ----------------------------------------------------------------------

    /** The reduction of all elements: a 0-d tensor. */
    Tensor reduce(Reduction op, Tensor x, Tensor out);

    /** The reduction along {@code axis} (negative counts from the end); that axis is removed. */
    Tensor reduce(Reduction op, Tensor x, int axis, Tensor out);

    // ---- random (counter-based, the same numbers on every backend: see Philox) --------------

    /** Uniform in {@code [low, high)}; {@code out} is float. */
    Tensor uniform(RandomKey key, double low, double high, Tensor out);

    /** Normal with {@code mean} and {@code std}; {@code out} is float. */
    Tensor normal(RandomKey key, double mean, double std, Tensor out);

    /** True with probability {@code p}; {@code out} is bool. */
    Tensor bernoulli(RandomKey key, double p, Tensor out);

    /** Poisson counts with mean {@code lambda}; {@code out} is int32. */
    Tensor poisson(RandomKey key, double lambda, Tensor out);

    // ---- event-driven sparse ops (spike delivery) -----------------------------------------

    /**
     * For each pre-synaptic {@code i} with {@code spikes[i]}, adds its CSR row to {@code post}:
     * {@code post[indices[k]] += w[k]} for {@code k in [indptr[i], indptr[i+1])}. {@code weights}
     * is a 0-d tensor (one weight for all synapses) or one weight per synapse.
     */
    void csrEventAdd(Tensor spikes, Tensor indptr, Tensor indices, Tensor weights, Tensor post);

    /**
     * The gather form of {@link #csrEventAdd} over CSC arrays: for each post-synaptic {@code j},
     * {@code post[j] += sum of w[k] for k in [colptr[j], colptr[j+1]) with spikes[rows[k]]}.
     * It has no write races, which suits parallel devices.
     */
    void cscEventGather(Tensor spikes, Tensor colptr, Tensor rows, Tensor weights, Tensor post);

    // ---- event lists (spikes owned by groups) ------------------------------------------------

    /**
     * Lists the nonzero elements of {@code flags} (bool or float, 1-d): {@code list[0]} is their
     * count and {@code list[1..count]} their indices in ascending order; the rest of
     * {@code list} (1-d int32 of {@code flags.size() + 1} elements) is left as it was.
     */
    void eventList(Tensor flags, Tensor list);

    /**
     * The flags of an event list: {@code flags[i - first]} is 1 for each listed {@code i} in
     * {@code [first, first + flags.size())} and 0 elsewhere ({@code flags} bool or float, 1-d).
     */
    void eventFlags(Tensor list, int first, Tensor flags);

    /**
     * Records an event list (count, then that many indices, as {@link #eventList} writes it) at
     * the end of {@code log}, a 1-d int32 tensor whose {@code log[0]} counts the elements recorded
     * after it: the count and the indices go to {@code log[1 + log[0]]} on and {@code log[0]}
     * grows by {@code 1 + count}, all on the backend, so a monitor reads many steps' lists back
     * at once. A list that does not fit is dropped and {@code log[0]} becomes -1, after which the
     * log takes nothing more: its reader sees the loss. This default goes through the host; a
     * device backend keeps it there.
     */
    default void eventAppend(Tensor list, Tensor log) {
        if (log.dtype() != DType.INT32 || log.rank() != 1 || log.size() == 0) {
            throw new DTypeMismatchException("eventAppend: the log must be a non-empty 1-d int32 tensor, not "
                    + log.dtype().name().toLowerCase(java.util.Locale.ROOT) + " of shape " + Shapes.format(log.shape()));
        }
        Tensor head = log.slice(0, 1);
        int used = (int) head.item();
        int count = (int) list.slice(0, 1).item();
        if (used < 0) {
            return;
        }
        if (2L + used + count > log.size()) {
            copy(full(DType.INT32, -1, 1), head);
            return;
        }
        copy(list.slice(0, 1 + count), log.slice(1 + used, 2 + used + count));
        copy(full(DType.INT32, used + 1 + count, 1), head);
    }

    /**
     * {@link #csrEventAdd} driven by an event list instead of flags: for each listed {@code i} in
     * {@code [first, first + rows)} ({@code rows = indptr.size() - 1}), in the list's order, adds
     * CSR row {@code i - first} to {@code post}. The work is proportional to the listed events
     * times their fan-out; no pre-synaptic element is scanned.
     */
    void csrListAdd(Tensor list, int first, Tensor indptr, Tensor indices, Tensor weights, Tensor post);

    /**
     * {@link #csrEventAdd} with each spiking row scaled by its source's factor:
     * {@code post[indices[k]] += scale[i] * w[k]} for each {@code i} with {@code spikes[i]}
     * (short-term plasticity's efficacy per pre-synaptic neuron). {@code scale} has one element
     * per pre-synaptic neuron and the dtype of {@code post}. This default moves the spiking rows
     * through the host; a backend overrides it to stay on its device.
     */
    default void csrEventAddScaled(Tensor spikes, Tensor scale, Tensor indptr, Tensor indices, Tensor weights,
                                   Tensor post) {
        if (scale.size() != spikes.size() || scale.dtype() != post.dtype()) {
            throw new ShapeMismatchException("csrEventAddScaled: scale has shape " + Shapes.format(scale.shape())
                    + " and dtype " + scale.dtype() + " but needs one " + post.dtype() + " per pre-synaptic element ("
                    + spikes.size() + ")");
        }
        boolean[] s = spikes.toBooleanArray();
        double[] sum = null;
        double[] f = null;
        int[] ptr = null;
        int[] idx = null;
        double[] w = null;
        for (int i = 0; i < s.length; i++) {
            if (!s[i]) {
                continue;
            }
            if (sum == null) {
                sum = new double[post.size()];
                f = scale.toDoubleArray();
                ptr = indptr.toIntArray();
                idx = indices.toIntArray();
                w = weights.toDoubleArray();
            }
            for (int k = ptr[i]; k < ptr[i + 1]; k++) {
                sum[idx[k]] += f[i] * w[weights.rank() == 0 ? 0 : k];
            }
        }
        if (sum != null) {
            binary(BinaryOp.ADD, post, astype(asTensor(sum), post.dtype(), null), post);
        }
    }

    // ---- named custom operations (the reference's ops.set_buffer) --------------------------

    /** The custom operation named {@code name}, or an {@link org.brainj.api.UnknownNameException} listing those known. */
    CustomOp op(String name);

    /** Names of the custom operations this backend has now. */
    Set<String> opNames();

    // ---- step programs -----------------------------------------------------------------------

    /**
     * Compiles a population's step program into one kernel over {@code bindings}. Compile once
     * and reuse across runs: parameters are read from their tensors at every step.
     */
    Kernel compile(StepProgram program, Bindings bindings);

    /**
     * Compiles a synaptic program ({@code on_pre}, {@code on_post}, per-synapse equations,
     * summed variables) into a kernel over {@code bindings}. A backend that cannot refuses with
     * a {@link BindingException} saying so; this default does.
     */
    default SynapticKernel compileSynaptic(SynapticProgram program, SynapticBindings bindings) {
        throw new BindingException("backend '" + name() + "' does not compile synaptic programs (on_pre, on_post,"
                + " per-synapse equations); run the network on the 'cpu' backend");
    }

    // ---- moving data -------------------------------------------------------------------------

    /** A tensor of this backend with the elements of {@code source}, which may belong to any backend. */
    Tensor transfer(Tensor source);

    /** Copies {@code source} (any backend, same dtype and size) into {@code target} of this backend. */
    void copy(Tensor source, Tensor target);

    // ---- the reference's named operations ------------------------------------------------------

    default Tensor add(Tensor a, Tensor b) { return binary(BinaryOp.ADD, a, b, null); }
    default Tensor sub(Tensor a, Tensor b) { return binary(BinaryOp.SUB, a, b, null); }
    default Tensor mul(Tensor a, Tensor b) { return binary(BinaryOp.MUL, a, b, null); }
    default Tensor div(Tensor a, Tensor b) { return binary(BinaryOp.DIV, a, b, null); }
    default Tensor pow(Tensor a, Tensor b) { return binary(BinaryOp.POW, a, b, null); }
    default Tensor minimum(Tensor a, Tensor b) { return binary(BinaryOp.MINIMUM, a, b, null); }
    default Tensor maximum(Tensor a, Tensor b) { return binary(BinaryOp.MAXIMUM, a, b, null); }
    default Tensor less(Tensor a, Tensor b) { return binary(BinaryOp.LT, a, b, null); }
    default Tensor lessEqual(Tensor a, Tensor b) { return binary(BinaryOp.LE, a, b, null); }
    default Tensor greater(Tensor a, Tensor b) { return binary(BinaryOp.GT, a, b, null); }
    default Tensor greaterEqual(Tensor a, Tensor b) { return binary(BinaryOp.GE, a, b, null); }
    default Tensor equal(Tensor a, Tensor b) { return binary(BinaryOp.EQ, a, b, null); }
    default Tensor notEqual(Tensor a, Tensor b) { return binary(BinaryOp.NE, a, b, null); }
    default Tensor logicalAnd(Tensor a, Tensor b) { return binary(BinaryOp.AND, a, b, null); }
    default Tensor logicalOr(Tensor a, Tensor b) { return binary(BinaryOp.OR, a, b, null); }
    default Tensor logicalXor(Tensor a, Tensor b) { return binary(BinaryOp.XOR, a, b, null); }
    default Tensor logicalNot(Tensor x) { return unary(UnaryOp.NOT, x, null); }
    default Tensor neg(Tensor x) { return unary(UnaryOp.NEG, x, null); }
    default Tensor abs(Tensor x) { return unary(UnaryOp.ABS, x, null); }
    default Tensor exp(Tensor x) { return unary(UnaryOp.EXP, x, null); }
    default Tensor log(Tensor x) { return unary(UnaryOp.LOG, x, null); }
    default Tensor sqrt(Tensor x) { return unary(UnaryOp.SQRT, x, null); }
    default Tensor sin(Tensor x) { return unary(UnaryOp.SIN, x, null); }
    default Tensor cos(Tensor x) { return unary(UnaryOp.COS, x, null); }
    default Tensor tanh(Tensor x) { return unary(UnaryOp.TANH, x, null); }
    default Tensor where(Tensor cond, Tensor a, Tensor b) { return where(cond, a, b, null); }
    default Tensor clip(Tensor x, double lo, double hi) { return clip(x, lo, hi, null); }
    default Tensor sum(Tensor x) { return reduce(Reduction.SUM, x, null); }
    default Tensor sum(Tensor x, int axis) { return reduce(Reduction.SUM, x, axis, null); }
    default Tensor mean(Tensor x) { return reduce(Reduction.MEAN, x, null); }
    default Tensor mean(Tensor x, int axis) { return reduce(Reduction.MEAN, x, axis, null); }
    default Tensor max(Tensor x) { return reduce(Reduction.MAX, x, null); }
    default Tensor max(Tensor x, int axis) { return reduce(Reduction.MAX, x, axis, null); }
    default Tensor min(Tensor x) { return reduce(Reduction.MIN, x, null); }
    default Tensor min(Tensor x, int axis) { return reduce(Reduction.MIN, x, axis, null); }
    default Tensor uniform(RandomKey key, DType dtype, double low, double high, int... shape) {
        return uniform(key, low, high, zeros(dtype, shape));
    }
    default Tensor normal(RandomKey key, DType dtype, double mean, double std, int... shape) {
        return normal(key, mean, std, zeros(dtype, shape));
    }
    default Tensor bernoulli(RandomKey key, double p, int... shape) {
        return bernoulli(key, p, zeros(DType.BOOL, shape));
    }
    default Tensor poisson(RandomKey key, double lambda, int... shape) {
        return poisson(key, lambda, zeros(DType.INT32, shape));
    }
}
