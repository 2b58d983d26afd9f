package org.brainj.api.program;

import java.util.Map;
import org.brainj.api.tensor.Tensor;

/**
 * The tensors a compiled step program runs on: one per state variable (one element per neuron)
 * and one per parameter (per element, or 0-d for a value shared by all), all of one backend; and
 * the seed of its random draws. Each tensor may be float32 or float64 on its own: the kernel reads
 * every value as a double, computes in double, and writes each state variable back rounded to its
 * own tensor's dtype (a float32 state in a float64 program is rounded once per step, where it is
 * stored). Uniform draws follow the state's dtype as {@link RandomDraw} says. The kernel reads
 * parameters each step, so writing a parameter tensor changes the model without recompiling.
 */
public record Bindings(Map<String, Tensor> tensors, long seed) {
    public Bindings {
        tensors = Map.copyOf(tensors);
    }
}
