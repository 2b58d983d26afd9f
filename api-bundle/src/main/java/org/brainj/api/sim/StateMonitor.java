package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Tensor;

/**
 * Records one variable of a population, for all neurons or an index subset, every step or
 * every {@code period} steps. At step {@code k} it records, before the update, the state at
 * {@code t_k} when {@code k} is a multiple of the period (Brian2's convention: the first record
 * is the initial state, the state after the last step is not recorded); {@link #values()} has shape
 * (records, neurons), as the reference's {@code mon.V}, and {@link #times()} the matching times.
 */
public final class StateMonitor implements Monitor {
    private static final int BATCH_BYTES = 1 << 22;
    /**
     * The most runs of consecutive indices copied one by one at each record; more are picked from a
     * copy of the whole population when read back. A few neurons of a large group (the usual
     * recording) then cost a few element copies per record, not a copy of every neuron and its
     * transfer to the host.
     */
    static final int MAX_RUNS = 8;

    private final Population population;
    private final String variable;
    private final int[] indices;
    private final int period;
    private final List<double[]> rows = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private double dt;

    private Tensor source;
    /** Pending records, row after row, each {@code width} values. */
    private Tensor batch;
    private int width;
    /** The source's slices copied at each record: runs of consecutive neurons, or the whole population. */
    private Tensor[] sourceRuns;
    /** For each batch row, where each of {@link #sourceRuns} goes. */
    private Tensor[][] batchRuns;
    /** The indices picked from whole rows when they are read back; null when the rows hold just the recorded neurons. */
    private int[] pick;
    private long[] pendingSteps;
    private int pending;

    /**
     * @param indices neurons of {@code population} to record, or null for all
     * @param period  record every {@code period} steps (1: every step)
     */
    StateMonitor(Population population, String variable, int[] indices, int period) {
        if (period < 1) {
            throw new SimulationException("monitor " + population.name() + "." + variable + ": period " + period
                    + " steps must be >= 1");
        }
        this.population = population;
        this.variable = variable;
        this.period = period;
        this.indices = indices == null ? null : indices.clone();
        if (indices != null) {
            for (int i : indices) {
                if (i < 0 || i >= population.size()) {
                    throw new SimulationException("monitor " + name() + ": index " + i + " is outside " + population.name()
                            + " (0.." + (population.size() - 1) + "); give indices in that range");
                }
            }
        }
        if (!population.group().variables().contains(variable)) {
            throw new org.brainj.api.UnknownNameException("variable of group " + population.group().name(), variable,
                    population.group().variables());
        }
    }

    /** The records a run of {@code steps} steps from the start takes: one every period. */
    public long plannedRecords(long steps) {
        return steps / period;
    }

    /** The neurons each record holds. */
    public int columns() {
        return indices == null ? population.size() : indices.length;
    }

    /** The bytes {@link #plannedRecords} records hold: per record a row of float64 and its time, with an array header. */
    public double plannedBytes(long steps) {
        return plannedRecords(steps) * (8.0 * columns() + 8 + 16);
    }

    @Override
    public List<Population> subjects() {
        return List.of(population);
    }

    @Override
    public String name() {
        return population.name() + "." + variable;
    }

    void dt(double dt) {
        this.dt = dt;
    }

    @Override
    public void build(Backend backend) {
        Tensor whole = population.group().variable(variable);
        if (whole.rank() == 0) {
            throw new SimulationException("monitor " + name() + ": '" + variable + "' is a parameter shared by the whole"
                    + " group, not a per-neuron variable; read it with group.variable(\"" + variable + "\").item()");
        }
        source = whole.size() == population.size() ? whole
                : whole.slice(population.offset(), population.offset() + population.size());
        int[][] runs = indices == null ? null : runs(indices);
        if (runs == null || runs.length == 0 || runs.length > MAX_RUNS) {
            runs = new int[][] {{0, population.size()}};
            pick = indices;
        } else {
            pick = null;
        }
        width = pick == null && indices != null ? indices.length : population.size();
        sourceRuns = new Tensor[runs.length];
        for (int k = 0; k < runs.length; k++) {
            sourceRuns[k] = runs[k][1] == population.size() ? source : source.slice(runs[k][0], runs[k][0] + runs[k][1]);
        }
        int rowsPerBatch = Math.max(1, Math.min(256, BATCH_BYTES / (8 * width)));
        batch = backend.zeros(source.dtype(), rowsPerBatch * width);
        batchRuns = new Tensor[rowsPerBatch][runs.length];
        for (int r = 0; r < rowsPerBatch; r++) {
            int at = r * width;
            for (int k = 0; k < runs.length; k++) {
                batchRuns[r][k] = batch.slice(at, at + runs[k][1]);
                at += runs[k][1];
            }
        }
        pendingSteps = new long[rowsPerBatch];
    }

    /** The maximal runs of consecutive neurons in {@code indices}, in their order: {first neuron, length} each. */
    static int[][] runs(int[] indices) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < indices.length; i++) {
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && indices[i] == last[0] + last[1]) {
                last[1]++;
            } else {
                runs.add(new int[] {indices[i], 1});
            }
        }
        return runs.toArray(int[][]::new);
    }

    @Override
    public void record(long step) {
        if (step % period != 0) {
            return;
        }
        Backend backend = source.backend();
        Tensor[] to = batchRuns[pending];
        for (int k = 0; k < sourceRuns.length; k++) {
            backend.copy(sourceRuns[k], to[k]);
        }
        pendingSteps[pending++] = step;
        if (pending == batchRuns.length) {
            flush();
        }
    }

    @Override
    public void flush() {
        if (pending == 0) {
            return;
        }
        // only the pending rows cross to the host: a run in chunks (the launcher's) reads back part-full batches
        double[] all = batch.slice(0, pending * width).toDoubleArray();
        for (int r = 0; r < pending; r++) {
            double[] row = Arrays.copyOfRange(all, r * width, (r + 1) * width);
            if (pick != null) {
                double[] picked = new double[pick.length];
                for (int i = 0; i < pick.length; i++) {
                    picked[i] = row[pick[i]];
                }
                row = picked;
            }
            rows.add(row);
            times.add(pendingSteps[r] * dt);
        }
        pending = 0;
    }

    @Override
    public void clear() {
        rows.clear();
        times.clear();
        pending = 0;
    }

    /** Replaces what was recorded with a checkpoint's records and their times. */
    void restore(double[][] recordedRows, double[] recordedTimes) {
        clear();
        rows.addAll(java.util.Arrays.asList(recordedRows));
        for (double t : recordedTimes) {
            times.add(t);
        }
    }

    /** The recorded values, shape (records, neurons). */
    public double[][] values() {
        return rows.toArray(new double[0][]);
    }

    /** The time of each record. */
    public double[] times() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The shape of {@link #values()}: (records, neurons). */
    public int[] shape() {
        return new int[] {rows.size(), indices == null ? population.size() : indices.length};
    }

    public String variable() {
        return variable;
    }
}
