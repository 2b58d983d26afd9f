package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * Records spike events of a population (or a union of populations) as (time index, neuron)
 * pairs, not a time x neuron matrix. A spike's time index {@code n} means time {@code n dt},
 * the start of the step in which the neuron crossed its threshold (Brian2's convention); neurons of a union are
 * numbered through its parts in order.
 */
public final class SpikeMonitor implements Monitor {
    private static final int BATCH_BYTES = 1 << 20;

    /** One part's spike rows, batched on the backend. */
    private static final class Part {
        final Population population;
        final int offset;
        Tensor batch;
        Tensor[] rows;

        Part(Population population, int offset) {
            this.population = population;
            this.offset = offset;
        }
    }

    private final Union subject;
    private final List<Part> parts = new ArrayList<>();
    private long[] steps = new long[1024];
    private int[] neurons = new int[1024];
    private int count;
    private double dt;

    private Backend backend;
    private long[] pendingSteps;
    private int pending;

    SpikeMonitor(Union subject) {
        this.subject = subject;
        for (int p = 0; p < subject.parts().size(); p++) {
            parts.add(new Part(subject.parts().get(p), subject.offsetOf(p)));
        }
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
        this.backend = backend;
        int rowsPerBatch = Math.max(1, Math.min(1024, BATCH_BYTES / subject.size()));
        for (Part part : parts) {
            part.batch = backend.zeros(DType.BOOL, rowsPerBatch, part.population.size());
            part.rows = new Tensor[rowsPerBatch];
            for (int r = 0; r < rowsPerBatch; r++) {
                part.rows[r] = part.batch.slice(r, r + 1);
            }
        }
        pendingSteps = new long[rowsPerBatch];
    }

    @Override
    public void record(long step) {
        for (Part part : parts) {
            Population p = part.population;
            Tensor spikes = p.group().spikesAt(step);
            if (spikes.size() != p.size()) {
                spikes = spikes.slice(p.offset(), p.offset() + p.size());
            }
            backend.copy(spikes, part.rows[pending]);
        }
        pendingSteps[pending++] = step;
        if (pending == pendingSteps.length) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (pending == 0) {
            return;
        }
        List<boolean[]> all = new ArrayList<>();
        for (Part part : parts) {
            all.add(part.batch.toBooleanArray());
        }
        for (int r = 0; r < pending; r++) {
            for (int p = 0; p < parts.size(); p++) {
                int n = parts.get(p).population.size();
                boolean[] rows = all.get(p);
                for (int i = 0; i < n; i++) {
                    if (rows[r * n + i]) {
                        add(pendingSteps[r], parts.get(p).offset + i);
                    }
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
