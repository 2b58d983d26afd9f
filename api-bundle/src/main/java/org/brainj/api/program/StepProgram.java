package org.brainj.api.program;

import java.util.List;
import java.util.Set;

/**
 * The fused update of a whole population for one step, which a backend compiles into one
 * kernel. The body runs in order for each element: a target in {@code state} is written back to
 * its tensor, any other target is a local temporary. The body may read state, parameters,
 * locals assigned before, the noise draws, and {@code t} and {@code dt}. Integrators write new
 * state values last, so every right-hand side sees the values at the start of the step.
 *
 * @param body   temporaries, then state updates (threshold, reset and refractoriness folded in
 *               with where(...))
 * @param state  per-element variables read and written
 * @param params variables only read: per-element or 0-d tensors, changeable between runs
 *               without recompiling
 * @param noise  the random draws the body refers to
 */
public record StepProgram(List<Assign> body, Set<String> state, Set<String> params, List<RandomDraw> noise) {
    public StepProgram {
        body = List.copyOf(body);
        state = Set.copyOf(state);
        params = Set.copyOf(params);
        noise = List.copyOf(noise);
    }
}
