package org.brainj.api.program;

import java.util.Map;
import org.brainj.api.tensor.Tensor;

/**
 * The tensors a compiled step program runs on: one per state variable (one element per neuron)
 * and one per parameter (per element, or 0-d for a value shared by all), all of one backend and
 * one float dtype; and the seed of its random draws. The kernel reads parameters each step, so
 * writing a parameter tensor changes the model without recompiling.
 */
public record Bindings(Map<String, Tensor> tensors, long seed) {
    public Bindings {
        tensors = Map.copyOf(tensors);
    }
}
