package org.brainj.models.neurons;

import static org.brainj.api.expr.ExpressionParser.parse;

import org.brainj.api.sim.Input;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;

/**
 * Neurons that spike at given times, the reference's {@code SpikeTimeGroup}: the group is
 * driven by {@link Input#events}, and a neuron spikes in the step its event falls in.
 */
public final class SpikeTimeGroup {
    private SpikeTimeGroup() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("SpikeTimeGroup")
                .input("input")
                .threshold(parse("input > 0.5"))
                .build();
    }

    /** The group of {@code size} neurons; add it and {@link #events} to the network. */
    public static NeuronGroup create(String name, int size) {
        return new NeuronGroup(name, size, model());
    }

    /** Neuron {@code indices[k]} spikes in the step starting at {@code times[k]}. */
    public static Input events(NeuronGroup group, int[] indices, double[] times) {
        return Input.events(group, "input", indices, times);
    }
}
