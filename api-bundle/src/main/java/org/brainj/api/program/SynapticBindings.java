package org.brainj.api.program;

import java.util.Map;
import org.brainj.api.tensor.Tensor;

/**
 * The tensors a synaptic program runs on, all of one backend: one per name of the program (a
 * synaptic variable one element per synapse, a pre- or post-synaptic variable one per neuron of
 * its group, or 0-d), and for each synapse the indices of its pre- and post-synaptic neurons in
 * those groups' tensors (int32, one per synapse); and the seed of the program's random draws.
 */
public record SynapticBindings(Map<String, Tensor> tensors, Tensor preIndex, Tensor postIndex, long seed) {
    public SynapticBindings {
        tensors = Map.copyOf(tensors);
    }

    /** Bindings of a program that draws no random numbers. */
    public SynapticBindings(Map<String, Tensor> tensors, Tensor preIndex, Tensor postIndex) {
        this(tensors, preIndex, postIndex, 0);
    }
}
