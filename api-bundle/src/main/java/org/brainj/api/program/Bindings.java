package org.brainj.api.program;

import java.util.List;
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
 *
 * <p>{@code events} is the ring of event lists of a program that lists its events (null
 * otherwise): {@code depth} 1-d int32 tensors of {@code n + 1} elements for a population of
 * {@code n}, of which the step of index {@code step} overwrites row {@code floorMod(step, depth)}
 * with its count followed by the listed indices. Older rows are left alone, so the ring holds the
 * last {@code depth} steps' lists (what delayed delivery reads).
 */
public record Bindings(Map<String, Tensor> tensors, long seed, List<Tensor> events) {
    public Bindings {
        tensors = Map.copyOf(tensors);
        events = events == null ? null : List.copyOf(events);
    }

    /** Bindings of a program that lists no events. */
    public Bindings(Map<String, Tensor> tensors, long seed) {
        this(tensors, seed, null);
    }
}
