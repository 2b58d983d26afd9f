package org.brainj.api.sim;

/** A user step in a network's schedule (the reference's step functions and {@code @every}). */
@FunctionalInterface
public interface StepFunction {
    /**
     * @param step the index of the step being run
     * @param t    the time at its start
     */
    void run(long step, double t);
}
