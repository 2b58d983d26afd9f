package org.brainj.api.program;

import org.brainj.api.tensor.Tensor;

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

    /**
     * Runs the program for the synapses that the neurons of an event list reach: {@code list} is
     * a group's spike list as {@code Backend.eventList} writes it (the count, then that many group
     * indices, ascending), and each listed neuron of {@code reach} runs its synapses; the same as
     * {@link #run(int[], int, double, double, long)} over their concatenation, neuron after
     * neuron. This default reads the list on the host; a device backend keeps it there.
     */
    default void run(Tensor list, EventReach reach, double t, double dt, long step) {
        int n = (int) list.slice(0, 1).item();
        if (n == 0) {
            return;
        }
        int[] listed = list.slice(1, 1 + n).toIntArray();
        int count = 0;
        for (int i : listed) {
            int k = i - reach.first();
            if (k >= 0 && k < reach.synapsesOf().length) {
                count += reach.synapsesOf()[k].length;
            }
        }
        int[] synapses = new int[count];
        count = 0;
        for (int i : listed) {
            int k = i - reach.first();
            if (k >= 0 && k < reach.synapsesOf().length) {
                for (int s : reach.synapsesOf()[k]) {
                    synapses[count++] = s;
                }
            }
        }
        if (count > 0) {
            run(synapses, count, t, dt, step);
        }
    }

    /**
     * The synapses that a spike of each neuron of a population reaches: {@code synapsesOf[k]}
     * for the group's neuron {@code first + k}, in the order they run, each with {@code first + k}
     * as its post-synaptic index when {@code post} ({@code on_post}), else as its pre-synaptic one. A
     * backend may prepare it once per instance: build it once and pass the same one every step.
     */
    record EventReach(int first, int[][] synapsesOf, boolean post) {
    }
}
