package org.brainj.api.program;

/** A compiled step program: one call advances every element of its population by one step. */
public interface Kernel {
    /**
     * @param t    the time at the start of the step
     * @param dt   the step
     * @param step the step's index, the counter of this step's random draws
     */
    void run(double t, double dt, long step);
}
