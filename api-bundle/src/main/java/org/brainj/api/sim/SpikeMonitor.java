package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

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

    /** Ints of the logs on the backend that one read-back empties: steps' lists, each at most its group's size + 1. */
    private static final int LOG_INTS = 1 << 20;
    /** Steps per read-back at most, so that a small group's log stays small too. */
    private static final int MAX_STEPS_PER_READ = 256;

    private final Union subject;
    private final List<Part> parts = new ArrayList<>();
    /** Per part, its group's spike lists of the pending steps, recorded on the backend ({@link Backend#eventAppend}). */
    private Tensor[] logs;
    private Tensor emptyHead;
    /** The steps recorded into the logs since they were last read back. */
    private long[] pendingSteps = new long[0];
    private int pending;
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

    /**
     * Makes a log per part on the backend, each long enough for the same number of steps in
     * which every neuron of its group spikes, so no log can overflow before it is read back.
     */
    @Override
    public void build(Backend backend) {
        int stepsPerRead = MAX_STEPS_PER_READ;
        for (Part part : parts) {
            stepsPerRead = Math.min(stepsPerRead, Math.max(1, LOG_INTS / (part.population().group().size() + 1)));
        }
        logs = new Tensor[parts.size()];
        for (int p = 0; p < logs.length; p++) {
            logs[p] = backend.zeros(DType.INT32, 1 + stepsPerRead * (parts.get(p).population().group().size() + 1));
        }
        emptyHead = backend.zeros(DType.INT32, 1);
        pendingSteps = new long[stepsPerRead];
        pending = 0;
    }

    /**
     * Appends the step's spike list of each part's group to the part's log on the backend (no
     * host transfer); the logs are read back when full and by {@link #flush}.
     */
    @Override
    public void record(long step) {
        for (int p = 0; p < logs.length; p++) {
            Tensor list = parts.get(p).population().group().spikeList(step);
            list.backend().eventAppend(list, logs[p]);
        }
        pendingSteps[pending++] = step;
        if (pending == pendingSteps.length) {
            flush();
        }
    }

    /**
     * Reads each log back (its length, then only that many elements) and keeps each pending
     * step's spikes, parts stamped earlier first, neurons ascending within a part.
     */
    @Override
    public void flush() {
        if (pending == 0) {
            return;
        }
        int[][] records = new int[logs.length][];
        for (int p = 0; p < logs.length; p++) {
            Tensor head = logs[p].slice(0, 1);
            int used = (int) head.item();
            if (used < 0) {
                throw new SimulationException("spike monitor " + name() + ": its log on the backend overflowed, which its"
                        + " size rules out; report this with the network that caused it");
            }
            records[p] = used == 0 ? new int[0] : logs[p].slice(1, 1 + used).toIntArray();
            logs[p].backend().copy(emptyHead, head);
        }
        int[] at = new int[logs.length];
        for (int r = 0; r < pending; r++) {
            for (int p = 0; p < logs.length; p++) {
                Part part = parts.get(p);
                int from = part.population().offset();
                int to = from + part.population().size();
                int n = records[p][at[p]];
                append(pendingSteps[r] + part.stamp(), records[p], at[p] + 1, n, from, to, part.offset());
                at[p] += 1 + n;
            }
        }
        pending = 0;
    }

    /**
     * Adds, at time index {@code step}, the listed neurons {@code list[first .. first + n)} that are
     * in {@code [from, to)}, numbered from {@code offset}: one tight loop per step's list, not a call
     * and a capacity check per spike (the read-back was 4 of 36 loop samples of {@code brainj run
     * examples/cuba.yaml}, run in chunks that each read back).
     */
    private void append(long step, int[] list, int first, int n, int from, int to, int offset) {
        reserve(count + n);
        int c = count;
        for (int e = first; e < first + n; e++) {
            int i = list[e];
            if (i >= from && i < to) {
                neurons[c++] = offset + i - from;
            }
        }
        Arrays.fill(steps, count, c, step);
        count = c;
    }

    private void add(long step, int neuron) {
        reserve(count + 1);
        steps[count] = step;
        neurons[count++] = neuron;
    }

    /** Room for {@code needed} spikes, growing at least twofold. */
    private void reserve(int needed) {
        if (needed > steps.length) {
            int length = Math.max(needed, 2 * steps.length);
            steps = Arrays.copyOf(steps, length);
            neurons = Arrays.copyOf(neurons, length);
        }
    }

    @Override
    public void clear() {
        flush();
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
        flush();
        return count;
    }

    /** Each spike's time index ({@code time = index * dt}), in order of time. */
    public long[] steps() {
        flush();
        return Arrays.copyOf(steps, count);
    }

    /** Each spike's neuron, within the monitored population (or union). */
    public int[] indices() {
        flush();
        return Arrays.copyOf(neurons, count);
    }

    /** Each spike's time. */
    public double[] times() {
        flush();
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[k] = steps[k] * dt;
        }
        return t;
    }

    /** Spikes per neuron. */
    public int[] counts() {
        flush();
        int[] c = new int[subject.size()];
        for (int k = 0; k < count; k++) {
            c[neurons[k]]++;
        }
        return c;
    }

    /** The mean firing rate over {@code duration} (spikes per neuron per time unit). */
    public double meanRate(double duration) {
        flush();
        return count / (subject.size() * duration);
    }

    /**
     * The population rate per step between time indices {@code from} (inclusive) and
     * {@code to} (exclusive): spikes in the step divided by neurons and {@code dt}.
     */
    public double[] populationRate(long from, long to) {
        flush();
        double[] rate = new double[(int) (to - from)];
        for (int k = 0; k < count; k++) {
            if (steps[k] >= from && steps[k] < to) {
                rate[(int) (steps[k] - from)] += 1.0 / (subject.size() * dt);
            }
        }
        return rate;
    }
}
