package org.brainj.api.sim;

/** A user step in a network's schedule (the reference's step functions and {@code @every}). */
@FunctionalInterface
public interface StepFunction {
    /**
     * @param step the index of the step being run
     * @param t    the time at its start
     */
    void run(long step, double t);

    /**
     * Called by {@link Network#reset()}: a step function that carries something from one step to
     * the next (in its fields or a tensor it writes) returns it to where a new network starts, so
     * that a repeat run does not begin with what the last run left.
     */
    default void reset() {
    }
}
