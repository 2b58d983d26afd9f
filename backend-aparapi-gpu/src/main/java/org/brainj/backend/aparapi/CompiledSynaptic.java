package org.brainj.backend.aparapi;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticKernel.EventReach;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.TensorIndexException;
import org.brainj.api.tensor.Tensor;

/**
 * A synaptic program bound to tensors of one Aparapi backend: a block of the device's generated
 * kernel (StepSource) in which each work item runs its part of the synapse list one synapse after
 * the other, each reading and writing its own, its pre- and its post-synaptic neuron's elements
 * in place on the device. How the list is cut ({@link Path}) is chosen from what the program
 * writes, so that the result is always that of the serial semantics (and the CPU backend).
 */
final class CompiledSynaptic implements SynapticKernel {
    /**
     * How a synapse list is cut into work items. Two synapses interact only through an element
     * that one writes and the other reads or writes; synaptic variables are one element per
     * synapse, so only pre- and post-synaptic variables connect synapses.
     */
    enum Path {
        /** Writes no neuron variable: every synapse on its own (clock-driven equations, on_post of STDP). */
        PER_SYNAPSE,
        /**
         * Writes post-synaptic variables only: one part per post-synaptic neuron, its synapses in
         * list order, so each neuron's variables see the serial order of writes ({@code g_post += w},
         * (summed) variables).
         */
        BY_POST,
        /** Writes pre-synaptic variables only: one part per pre-synaptic neuron, likewise. */
        BY_PRE,
        /**
         * Writes both, or a written tensor shares pool elements with another bound tensor (a
         * group's v read as v_pre while written as v_post): one work item over the whole list.
         */
        SERIAL
    }

    private final Device device;
    private final int index;
    private final Path path;
    /** The list uploaded per run (count positions), then, for a cut list, its segment starts; grown as needed. */
    private DeviceTensor list;
    private final DeviceTensor preIndex;
    private final DeviceTensor postIndex;
    private final AparapiBackend backend;
    private final long seed;
    /** BY_POST, BY_PRE: the neuron of each synapse on the host, and the writes to its tensor when it was read. */
    private int[] keys;
    private int keyWrites;
    /** BY_POST, BY_PRE: every synapse grouped by neuron (order, then segment starts), for a run over all synapses. */
    private DeviceTensor everySynapse;
    private int everySegments;
    /** Per reach (by identity), its every synapse cut as {@link #path} says and the flags of its group's neurons. */
    private final Map<EventReach, Reached> reached = new IdentityHashMap<>();
    /** The bound tensors: the code addresses their pool ranges, which must not be released while it runs. */
    @SuppressWarnings("unused")
    private final List<Tensor> bound;

    CompiledSynaptic(AparapiBackend backend, SynapticProgram program, SynapticBindings bindings) {
        preIndex = index(backend, bindings.preIndex(), "pre-synaptic index");
        postIndex = index(backend, bindings.postIndex(), "post-synaptic index");
        int synapses = preIndex.size();
        if (postIndex.size() != synapses) {
            throw new BindingException("the post-synaptic index has " + postIndex.size() + " elements but the pre-synaptic"
                    + " one " + synapses + "; give one of each per synapse");
        }
        Map<String, StepSource.Place> read = new LinkedHashMap<>();
        Map<String, StepSource.Place> shared = new LinkedHashMap<>();
        Map<String, DeviceTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<Set<String>, String> role : List.of(Map.entry(program.synaptic(), "s"),
                Map.entry(program.pre(), "i"), Map.entry(program.post(), "j"), Map.entry(program.params(), "s"))) {
            for (String name : new TreeSet<>(role.getKey())) {
                DeviceTensor t = bind(backend, bindings, name);
                tensors.put(name, t);
                boolean isShared = t.rank() == 0;
                if (!isShared && role.getValue().equals("s") && t.size() != synapses) {
                    throw new BindingException("synaptic variable '" + name + "' has " + t.size() + " elements but there"
                            + " are " + synapses + " synapses; give one per synapse");
                }
                (program.params().contains(name) ? shared : read).put(name, new StepSource.Place(
                        t.dtype() == DType.FLOAT32, t.offset(), isShared ? "" : role.getValue()));
            }
        }
        this.backend = backend;
        this.device = backend.device();
        this.path = choosePath(program, tensors);
        this.list = (DeviceTensor) backend.zeros(DType.INT32, 2 * synapses + 2);
        this.index = device.addProgram(k -> StepSource.synaptic(StepKernels.prefix(k), read, shared, program.noise(),
                program.body()));
        this.seed = bindings.seed();
        this.bound = List.copyOf(bindings.tensors().values());
    }

    private static DeviceTensor index(AparapiBackend backend, Tensor t, String what) {
        DeviceTensor d = backend.own("compileSynaptic", t, what);
        if (d.dtype() != DType.INT32 || d.rank() != 1) {
            throw new BindingException("the " + what + " must be a 1-d int32 tensor, not " + d.dtype() + " of rank "
                    + d.rank());
        }
        return d;
    }

    private static DeviceTensor bind(AparapiBackend backend, SynapticBindings bindings, String name) {
        Tensor t = bindings.tensors().get(name);
        if (t == null) {
            throw new BindingException("synaptic program variable '" + name + "' has no tensor in the bindings; bound: "
                    + new TreeSet<>(bindings.tensors().keySet()));
        }
        DeviceTensor d = backend.own("compileSynaptic", t, "variable '" + name + "'");
        if (!d.dtype().isFloat() || d.rank() > 1) {
            throw new BindingException("synaptic program variable '" + name + "' is " + d.dtype() + " of rank " + d.rank()
                    + "; synaptic programs compute on 0-d or 1-d float32 or float64 tensors");
        }
        return d;
    }

    /** The path of a program over these tensors (see {@link Path}). */
    static Path choosePath(SynapticProgram program, Map<String, DeviceTensor> tensors) {
        boolean pre = false;
        boolean post = false;
        for (Assign a : program.body()) {
            pre |= program.pre().contains(a.target());
            post |= program.post().contains(a.target());
            DeviceTensor written = tensors.get(a.target());
            if (written != null) {
                for (Map.Entry<String, DeviceTensor> other : tensors.entrySet()) {
                    if (!other.getKey().equals(a.target()) && overlap(written, other.getValue())) {
                        return Path.SERIAL;
                    }
                }
            }
        }
        return pre ? (post ? Path.SERIAL : Path.BY_PRE) : post ? Path.BY_POST : Path.PER_SYNAPSE;
    }

    private static boolean overlap(DeviceTensor a, DeviceTensor b) {
        return a.block().dtype == b.block().dtype && a.offset() < b.offset() + Math.max(1, b.size())
                && b.offset() < a.offset() + Math.max(1, a.size());
    }

    Path path() {
        return path;
    }

    /**
     * A listed run uploads the list cut into its parts: for PER_SYNAPSE one per distinct synapse
     * (a synapse listed twice runs twice, in order, in one work item), for BY_POST and BY_PRE one
     * per neuron. A run over all synapses uploads nothing.
     */
    @Override
    public void run(int[] synapses, int count, double t, double dt, long step) {
        if (count == 0) {
            return;
        }
        int from = -1;
        int segments = -1;
        int items = count;
        if (path == Path.BY_POST || path == Path.BY_PRE) {
            refreshKeys();
        }
        if (synapses != null) {
            requireListed(synapses, count);
        }
        if (path == Path.SERIAL) {
            items = 1;
            if (synapses != null) {
                double[] ids = new double[count];
                for (int n = 0; n < count; n++) {
                    ids[n] = synapses[n];
                }
                from = upload(ids);
            }
        } else if (synapses != null) {
            double[] grouped = group(synapses, count, path == Path.PER_SYNAPSE ? null : keys);
            items = grouped.length - count - 1;
            from = upload(grouped);
            segments = from + count;
        } else if (path != Path.PER_SYNAPSE) {
            items = everySegments;
            from = everySynapse.offset();
            segments = from + count;
        }
        device.synapses(index, count, from, preIndex.offset(), postIndex.offset(), items, segments, -1, false, t, dt,
                seed, step);
    }

    /**
     * The list stays on the device: it sets the flags of the group's neurons, and the program runs
     * over every synapse the reach could run, cut once per reach, each synapse only if its
     * neuron's flag is set. A cut keeps the reach's order, so what runs is the serial run over
     * the listed neurons' synapses; it costs the reach's synapses, not the spikes' (as the
     * gathers of spike delivery do).
     */
    @Override
    public void run(Tensor list, EventReach reach, double t, double dt, long step) {
        DeviceTensor l = backend.own("synaptic program", list, "spike list");
        if (path == Path.BY_POST || path == Path.BY_PRE) {
            refreshKeys();
        }
        Reached r = reached.computeIfAbsent(reach, e -> cut(e, l.size() - 1));
        if (r.count() == 0) {
            return;
        }
        backend.eventFlags(l, 0, r.flags());
        device.synapses(index, r.count(), r.cut().offset(), preIndex.offset(), postIndex.offset(), r.items(),
                r.cut().offset() + r.count(), r.flags().offset(), reach.post(), t, dt, seed, step);
    }

    /** A reach's synapses on the device: {@code count} in run order grouped into {@code items} parts, then their starts. */
    private record Reached(DeviceTensor cut, int count, int items, DeviceTensor flags) {
    }

    /**
     * Every synapse of {@code reach} in its order, grouped by the neuron whose variables the
     * program writes (BY_POST, BY_PRE), by the reach's own neuron (PER_SYNAPSE: a part per
     * spike), or all in one part (SERIAL).
     */
    private Reached cut(EventReach reach, int groupSize) {
        int count = 0;
        for (int[] of : reach.synapsesOf()) {
            count += of.length;
        }
        int[] ordered = new int[count];
        int[] key = path == Path.BY_POST || path == Path.BY_PRE ? keys : new int[preIndex.size()];
        count = 0;
        for (int k = 0; k < reach.synapsesOf().length; k++) {
            for (int s : reach.synapsesOf()[k]) {
                ordered[count++] = s;
            }
        }
        requireListed(ordered, count);
        requireReach(reach, groupSize);
        if (path == Path.PER_SYNAPSE) {
            for (int k = 0; k < reach.synapsesOf().length; k++) {
                for (int s : reach.synapsesOf()[k]) {
                    key[s] = k;
                }
            }
        }
        double[] grouped = group(ordered, count, key);
        int[] ints = new int[grouped.length];
        for (int n = 0; n < ints.length; n++) {
            ints[n] = (int) grouped[n];
        }
        return new Reached((DeviceTensor) backend.asTensor(ints), count, grouped.length - count - 1,
                (DeviceTensor) backend.zeros(DType.INT32, groupSize));
    }

    private void requireListed(int[] synapses, int count) {
        int all = preIndex.size();
        for (int n = 0; n < count; n++) {
            if (synapses[n] < 0 || synapses[n] >= all) {
                throw new TensorIndexException("synaptic program: synapse " + synapses[n] + " at position " + n
                        + " of the list is outside the " + all + " synapses; list synapse indices");
            }
        }
    }

    /** The flags are the group's, at the synapses' neuron index: each must be its reach's neuron, inside the list's group. */
    private void requireReach(EventReach reach, int groupSize) {
        if (reach.first() < 0 || reach.first() + reach.synapsesOf().length > groupSize) {
            throw new TensorIndexException("synaptic program: the reach's neurons " + reach.first() + ".."
                    + (reach.first() + reach.synapsesOf().length - 1) + " are outside the spike list's group of "
                    + groupSize + "; pass that group's list");
        }
        int[] neuron = (reach.post() ? postIndex : preIndex).toIntArray();
        for (int k = 0; k < reach.synapsesOf().length; k++) {
            for (int s : reach.synapsesOf()[k]) {
                if (neuron[s] != reach.first() + k) {
                    throw new TensorIndexException("synaptic program: synapse " + s + " is in the reach of neuron "
                            + (reach.first() + k) + " but its " + (reach.post() ? "post" : "pre") + "-synaptic index is "
                            + neuron[s] + "; list each synapse under its own neuron");
                }
            }
        }
    }

    /** Writes {@code values} into the list tensor, grown first if they do not fit; returns their int32 offset. */
    private int upload(double[] values) {
        if (values.length > list.size()) {
            list = (DeviceTensor) backend.zeros(DType.INT32, values.length);
        }
        device.write(OpKernel.I32, list.offset(), values);
        return list.offset();
    }

    /** The neuron of each synapse, read again when an operation wrote its index tensor, and every synapse grouped by it. */
    private void refreshKeys() {
        DeviceTensor by = path == Path.BY_POST ? postIndex : preIndex;
        if (keys == null || keyWrites != by.block().writes()) {
            reached.clear();
            keyWrites = by.block().writes();
            keys = by.toIntArray();
            int[] all = new int[keys.length];
            for (int s = 0; s < all.length; s++) {
                all[s] = s;
            }
            double[] grouped = group(all, all.length, keys);
            int[] ints = new int[grouped.length];
            for (int n = 0; n < ints.length; n++) {
                ints[n] = (int) grouped[n];
            }
            everySegments = grouped.length - all.length - 1;
            everySynapse = backend.asTensor(ints);
        }
    }

    /**
     * The listed synapses grouped by their key (their neuron in {@code keys}, or themselves when
     * it is null), list order kept within a group, then the start of each group and the end of
     * the last.
     */
    private static double[] group(int[] synapses, int count, int[] keys) {
        long[] packed = new long[count];
        for (int n = 0; n < count; n++) {
            packed[n] = ((long) (keys == null ? synapses[n] : keys[synapses[n]]) << 32) | n;
        }
        Arrays.sort(packed);
        double[] out = new double[2 * count + 1];
        int parts = 0;
        for (int n = 0; n < count; n++) {
            out[n] = synapses[(int) packed[n]];
            if (n == 0 || packed[n] >>> 32 != packed[n - 1] >>> 32) {
                out[count + parts++] = n;
            }
        }
        out[count + parts] = count;
        return Arrays.copyOf(out, count + parts + 1);
    }
}
