package org.brainj.api.sim;

import java.util.Arrays;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * Records spike events of a population as (time index, neuron) pairs, not a time x neuron
 * matrix. A spike's time index {@code n} means time {@code n dt}, the end of the step in which
 * the neuron crossed its threshold.
 */
public final class SpikeMonitor implements Monitor {
    private static final int BATCH_BYTES = 1 << 20;

    private final Population population;
    private long[] steps = new long[1024];
    private int[] neurons = new int[1024];
    private int count;
    private double dt;

    private Backend backend;
    private Tensor batch;
    private Tensor[] batchRows;
    private long[] pendingSteps;
    private int pending;

    SpikeMonitor(Population population) {
        this.population = population;
    }

    @Override
    public Population subject() {
        return population;
    }

    @Override
    public String name() {
        return population.name() + ".spike";
    }

    void dt(double dt) {
        this.dt = dt;
    }

    @Override
    public void build(Backend backend) {
        this.backend = backend;
        int rowsPerBatch = Math.max(1, Math.min(1024, BATCH_BYTES / population.size()));
        batch = backend.zeros(DType.BOOL, rowsPerBatch, population.size());
        batchRows = new Tensor[rowsPerBatch];
        for (int r = 0; r < rowsPerBatch; r++) {
            batchRows[r] = batch.slice(r, r + 1);
        }
        pendingSteps = new long[rowsPerBatch];
    }

    @Override
    public void record(long step) {
        Tensor spikes = population.group().spikesAt(step + 1);
        if (spikes.size() != population.size()) {
            spikes = spikes.slice(population.offset(), population.offset() + population.size());
        }
        backend.copy(spikes, batchRows[pending]);
        pendingSteps[pending++] = step + 1;
        if (pending == batchRows.length) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (pending == 0) {
            return;
        }
        boolean[] all = batch.toBooleanArray();
        int n = population.size();
        for (int r = 0; r < pending; r++) {
            for (int i = 0; i < n; i++) {
                if (all[r * n + i]) {
                    add(pendingSteps[r], i);
                }
            }
        }
        pending = 0;
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
        pending = 0;
    }

    /** The number of spikes recorded. */
    public int count() {
        return count;
    }

    /** Each spike's time index ({@code time = index * dt}), in order of time. */
    public long[] steps() {
        return Arrays.copyOf(steps, count);
    }

    /** Each spike's neuron, within the monitored population. */
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
        int[] c = new int[population.size()];
        for (int k = 0; k < count; k++) {
            c[neurons[k]]++;
        }
        return c;
    }

    /** The mean firing rate of the population over {@code duration} (spikes per neuron per time unit). */
    public double meanRate(double duration) {
        return count / (population.size() * duration);
    }

    /**
     * The population rate per step between time indices {@code from} (exclusive) and
     * {@code to} (inclusive): spikes in the step divided by neurons and {@code dt}.
     */
    public double[] populationRate(long from, long to) {
        double[] rate = new double[(int) (to - from)];
        for (int k = 0; k < count; k++) {
            if (steps[k] > from && steps[k] <= to) {
                rate[(int) (steps[k] - from - 1)] += 1.0 / (population.size() * dt);
            }
        }
        return rate;
    }
}
