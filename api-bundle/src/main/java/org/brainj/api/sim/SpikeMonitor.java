package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.tensor.Backend;

/**
 * Records spike events of a population (or a union of populations) as (time index, neuron)
 * pairs, not a time x neuron matrix. A spike's time index {@code n} means time {@code n dt}, the
 * stamp its model's {@link TimeConvention} gives: the start of the step in which the neuron
 * crossed its threshold (Brian2's), or its end (NEST's, for models under NEST's names). Neurons
 * of a union are numbered through its parts in order.
 */
public final class SpikeMonitor implements Monitor {
    /**
     * One monitored part: a population, where its neurons start in the monitor's numbering, and
     * the steps its model's convention adds to the spiking step's index for the stamp.
     */
    private record Part(Population population, int offset, int stamp) {
    }

    private final Union subject;
    private final List<Part> parts = new ArrayList<>();
    private long[] steps = new long[1024];
    private int[] neurons = new int[1024];
    private int count;
    private double dt;

    SpikeMonitor(Union subject) {
        this.subject = subject;
        for (int p = 0; p < subject.parts().size(); p++) {
            Population population = subject.parts().get(p);
            parts.add(new Part(population, subject.offsetOf(p), population.group().model().convention().stampSteps()));
        }
        // parts stamped earlier first, so that the spikes stay in order of time across steps
        parts.sort(java.util.Comparator.comparingInt(Part::stamp));
    }

    @Override
    public List<Population> subjects() {
        return subject.parts();
    }

    @Override
    public String name() {
        return subject.name() + ".spike";
    }

    /** The number of neurons monitored. */
    public int size() {
        return subject.size();
    }

    void dt(double dt) {
        this.dt = dt;
    }

    @Override
    public void build(Backend backend) {
        // reads its groups' spike lists, so it holds nothing of its own on the backend
    }

    /**
     * Reads the step's spike list of each part's group: the count, then only that many indices,
     * so the cost is the spikes', not the population's.
     */
    @Override
    public void record(long step) {
        for (Part part : parts) {
            Population p = part.population();
            int from = p.offset();
            int to = from + p.size();
            for (int i : p.group().spiked(step)) {
                if (i >= from && i < to) {
                    add(step + part.stamp(), part.offset() + i - from);
                }
            }
        }
    }

    @Override
    public void flush() {
        // every step is recorded as it comes
    }

    private void add(long step, int neuron) {
        if (count == steps.length) {
            steps = Arrays.copyOf(steps, 2 * count);
            neurons = Arrays.copyOf(neurons, 2 * count);
        }
        steps[count] = step;
        neurons[count++] = neuron;
    }

    @Override
    public void clear() {
        count = 0;
    }

    /** Replaces what was recorded with a checkpoint's spikes (time indices and neurons). */
    void restore(long[] recordedSteps, int[] recordedNeurons) {
        clear();
        for (int k = 0; k < recordedSteps.length; k++) {
            add(recordedSteps[k], recordedNeurons[k]);
        }
    }

    /** The number of spikes recorded. */
    public int count() {
        return count;
    }

    /** Each spike's time index ({@code time = index * dt}), in order of time. */
    public long[] steps() {
        return Arrays.copyOf(steps, count);
    }

    /** Each spike's neuron, within the monitored population (or union). */
    public int[] indices() {
        return Arrays.copyOf(neurons, count);
    }

    /** Each spike's time. */
    public double[] times() {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = steps[k] * dt;
        }
        return t;
    }

    /** Spikes per neuron. */
    public int[] counts() {
        int[] c = new int[subject.size()];
        for (int k = 0; k < count; k++) {
            c[neurons[k]]++;
        }
        return c;
    }

    /** The mean firing rate over {@code duration} (spikes per neuron per time unit). */
    public double meanRate(double duration) {
        return count / (subject.size() * duration);
    }

    /**
     * The population rate per step between time indices {@code from} (inclusive) and
     * {@code to} (exclusive): spikes in the step divided by neurons and {@code dt}.
     */
    public double[] populationRate(long from, long to) {
        double[] rate = new double[(int) (to - from)];
        for (int k = 0; k < count; k++) {
            if (steps[k] >= from && steps[k] < to) {
                rate[(int) (steps[k] - from)] += 1.0 / (subject.size() * dt);
            }
        }
        return rate;
    }
}
