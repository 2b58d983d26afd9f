package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.tensor.Tensor;

/**
 * Records a per-synapse variable of {@link Synapses} every {@code period} steps, before the
 * step's update (as {@link StateMonitor} does a group's, Brian2's convention): shape (records,
 * synapses recorded).
 */
public final class SynapseMonitor {
    private final Synapses synapses;
    private final String variable;
    private final int[] indices;
    private final int period;
    private final List<double[]> rows = new ArrayList<>();
    private final List<Long> steps = new ArrayList<>();
    private Tensor source;

    SynapseMonitor(Synapses synapses, String variable, int[] indices, int period) {
        if (period < 1) {
            throw new SimulationException("monitor " + synapses.name() + "." + variable + ": period " + period
                    + " steps must be >= 1");
        }
        if (indices != null) {
            for (int s : indices) {
                if (s < 0 || s >= synapses.size()) {
                    throw new SimulationException("monitor " + synapses.name() + "." + variable + ": synapse " + s
                            + " is outside 0.." + (synapses.size() - 1));
                }
            }
        }
        this.synapses = synapses;
        this.variable = variable;
        this.indices = indices == null ? null : indices.clone();
        this.period = period;
    }

    void build() {
        source = synapses.variable(variable);
    }

    void record(long step) {
        if (step % period != 0) {
            return;
        }
        double[] all = source.toDoubleArray();
        if (indices == null) {
            rows.add(all);
        } else {
            double[] picked = new double[indices.length];
            for (int k = 0; k < indices.length; k++) {
                picked[k] = all[indices[k]];
            }
            rows.add(picked);
        }
        steps.add(step);
    }

    void clear() {
        rows.clear();
        steps.clear();
    }

    /** Replaces what was recorded with a checkpoint's records and their steps. */
    void restore(double[][] recordedRows, long[] recordedSteps) {
        clear();
        rows.addAll(java.util.Arrays.asList(recordedRows));
        for (long k : recordedSteps) {
            steps.add(k);
        }
    }

    /** Synapses per record: those picked, or all of them. */
    int columns() {
        return indices == null ? synapses.size() : indices.length;
    }

    public String name() {
        return synapses.name() + "." + variable;
    }

    public String variable() {
        return variable;
    }

    /** The recorded values, shape (records, synapses). */
    public double[][] values() {
        return rows.toArray(new double[0][]);
    }

    /** The step index of each record (its time is the index times dt). */
    public long[] steps() {
        return steps.stream().mapToLong(Long::longValue).toArray();
    }
}
