package org.brainj.api.program;

/** A compiled synaptic program. */
public interface SynapticKernel {
    /**
     * Runs the program for synapses {@code synapses[0..count)}, in that order; for every synapse
     * in index order when {@code synapses} is null ({@code count} is then the synapse count).
     *
     * @param t    the time of the step
     * @param dt   the step
     * @param step the step's index, the counter of this run's random draws
     */
    void run(int[] synapses, int count, double t, double dt, long step);
}
