package org.brainj.backend.aparapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * A synaptic program bound to tensors of one Aparapi backend: a block of the device's generated
 * kernel (StepSource) that loops over the synapse list in one work item, so synapses run one
 * after the other as the program's semantics (and the CPU backend) have it, each reading and
 * writing its own, its pre- and its post-synaptic neuron's elements in place on the device.
 */
final class CompiledSynaptic implements SynapticKernel {
    private final Device device;
    private final int index;
    private final DeviceTensor list;
    private final DeviceTensor preIndex;
    private final DeviceTensor postIndex;
    private final long seed;
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
        for (Map.Entry<Set<String>, String> role : List.of(Map.entry(program.synaptic(), "s"),
                Map.entry(program.pre(), "i"), Map.entry(program.post(), "j"), Map.entry(program.params(), "s"))) {
            for (String name : new TreeSet<>(role.getKey())) {
                DeviceTensor t = bind(backend, bindings, name);
                boolean isShared = t.rank() == 0;
                if (!isShared && role.getValue().equals("s") && t.size() != synapses) {
                    throw new BindingException("synaptic variable '" + name + "' has " + t.size() + " elements but there"
                            + " are " + synapses + " synapses; give one per synapse");
                }
                (program.params().contains(name) ? shared : read).put(name, new StepSource.Place(
                        t.dtype() == DType.FLOAT32, t.offset(), isShared ? "" : role.getValue()));
            }
        }
        this.device = backend.device();
        this.list = (DeviceTensor) backend.zeros(DType.INT32, Math.max(1, synapses));
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

    @Override
    public void run(int[] synapses, int count, double t, double dt, long step) {
        if (count == 0) {
            return;
        }
        int from = -1;
        if (synapses != null) {
            double[] ids = new double[count];
            for (int n = 0; n < count; n++) {
                ids[n] = synapses[n];
            }
            device.write(OpKernel.I32, list.offset(), ids);
            from = list.offset();
        }
        device.synapses(index, count, from, preIndex.offset(), postIndex.offset(), t, dt, seed, step);
    }
}
