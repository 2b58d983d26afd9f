package org.brainj.api.sim;

import java.util.HashMap;
import java.util.Map;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * What a {@link DynamicModel}'s update works on: the tensors of its group on the backend the
 * network runs on now, and scratch tensors for caller-supplied outputs. After
 * {@link Network#moveTo} the same names give the moved tensors.
 */
public final class GroupState {
    private final NeuronGroup group;
    private final DType dtype;
    private final Map<String, Tensor> temps = new HashMap<>();

    GroupState(NeuronGroup group, DType dtype) {
        this.group = group;
        this.dtype = dtype;
    }

    public Backend backend() {
        return group.variable(GroupStep.SPIKE).backend();
    }

    /** Neurons in the group. */
    public int size() {
        return group.size();
    }

    /** The network's float type. */
    public DType dtype() {
        return dtype;
    }

    /** A state variable, input, parameter (0-d when shared by all neurons), the channels' current, or {@code t_last_spike}. */
    public Tensor get(String name) {
        return group.variable(name);
    }

    /** The bool tensor of the neurons that fire in this step; the update sets it. */
    public Tensor spike() {
        return group.variable(GroupStep.SPIKE);
    }

    /** Each neuron's last spike time (the start of the step it fired in), far in the past at reset: for refractoriness. */
    public Tensor lastSpike() {
        return group.variable(GroupStep.LAST_SPIKE);
    }

    /** A per-neuron tensor of the network's float type, kept for the update's intermediate results. */
    public Tensor temp(String name) {
        return temp(name, dtype);
    }

    /** A per-neuron scratch tensor of {@code type} (e.g. {@link DType#BOOL} for conditions). */
    public Tensor temp(String name, DType type) {
        Tensor t = temps.computeIfAbsent(name, n -> backend().zeros(type, group.size()));
        if (t.dtype() != type) {
            throw new SimulationException("group " + group.name() + ": scratch tensor '" + name + "' is " + t.dtype()
                    + ", asked for as " + type + "; give each scratch tensor one type");
        }
        return t;
    }

    /** A 0-d tensor of the network's float type holding {@code value}, to broadcast against per-neuron tensors. */
    public Tensor scalar(double value) {
        return backend().full(dtype, value);
    }

    /** Scratch tensors belong to one backend: dropped when the group moves. */
    void moved() {
        temps.clear();
    }
}
