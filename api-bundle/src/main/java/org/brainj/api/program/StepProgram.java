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
 * <p>A program with {@code events} also lists, after each step, the elements whose {@code events}
 * state variable is nonzero (the neurons that spiked), as Brian2's threshold template does: the
 * kernel writes the count and then those indices in ascending order into the row of the
 * {@link Bindings#events() events ring} that belongs to the step, so spike delivery and monitors
 * work in proportion to the spikes, not the population.
 *
 * @param body   temporaries, then state updates (threshold, reset and refractoriness folded in
 *               with where(...))
 * @param state  per-element variables read and written
 * @param params variables only read: per-element or 0-d tensors, changeable between runs
 *               without recompiling
 * @param noise  the random draws the body refers to
 * @param events the state variable whose nonzero elements each step lists, or null for none
 * @param propagators exact flows whose matrix entries are among the {@code params}: the runtime
 *               computes and binds them before each run; a backend sees only parameters
 */
public record StepProgram(List<Assign> body, Set<String> state, Set<String> params, List<RandomDraw> noise,
                          String events, List<Propagator> propagators) {
    public StepProgram {
        body = List.copyOf(body);
        state = Set.copyOf(state);
        params = Set.copyOf(params);
        noise = List.copyOf(noise);
        propagators = List.copyOf(propagators);
        if (events != null && !state.contains(events)) {
            throw new IllegalArgumentException("the step program lists the events of '" + events
                    + "', which is not one of its state variables " + state + "; name a state variable");
        }
    }

    /** A program without propagators. */
    public StepProgram(List<Assign> body, Set<String> state, Set<String> params, List<RandomDraw> noise,
                       String events) {
        this(body, state, params, noise, events, List.of());
    }

    /** A program that lists no events. */
    public StepProgram(List<Assign> body, Set<String> state, Set<String> params, List<RandomDraw> noise) {
        this(body, state, params, noise, null);
    }
}
