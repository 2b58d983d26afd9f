package org.brainj.analysis.measure;

import java.util.Arrays;
import java.util.BitSet;
import org.brainj.analysis.AnalysisException;
import org.brainj.api.sim.SpikeMonitor;

/**
 * Spike events of {@code neurons} neurons over the time indices {@code 0 .. steps-1} (time
 * {@code n dt}): spike {@code k} is neuron {@code neuron[k]} at time index {@code step[k]}. This
 * is the sparse form of the reference's {@code (time, neuron)} spike matrix.
 */
public record Spikes(int neurons, long steps, double dt, long[] step, int[] neuron) {
    public Spikes {
        if (neurons <= 0 || steps <= 0 || !(dt > 0)) {
            throw new AnalysisException("spikes need neurons > 0, steps > 0 and dt > 0; got " + neurons + ", " + steps
                    + ", " + dt);
        }
        if (step.length != neuron.length) {
            throw new AnalysisException("spike steps and neurons differ in length: " + step.length + " and " + neuron.length);
        }
        for (int k = 0; k < step.length; k++) {
            if (step[k] < 0 || step[k] >= steps || neuron[k] < 0 || neuron[k] >= neurons) {
                throw new AnalysisException("spike " + k + " (time index " + step[k] + ", neuron " + neuron[k]
                        + ") lies outside " + steps + " time indices x " + neurons + " neurons");
            }
        }
        step = step.clone();
        neuron = neuron.clone();
    }

    /** What a spike monitor recorded over a run of {@code stepsRun} steps of {@code dt} from time 0. */
    public static Spikes of(SpikeMonitor monitor, double dt, long stepsRun) {
        return new Spikes(monitor.size(), stepsRun + 1, dt, monitor.steps(), monitor.indices());
    }

    /** The reference's form: {@code spikes[time index][neuron]}. */
    public static Spikes fromMatrix(boolean[][] spikes, double dt) {
        if (spikes.length == 0) {
            throw new AnalysisException("the spike matrix has no rows; give one row per time step");
        }
        int n = spikes[0].length;
        long[] step = new long[0];
        int[] neuron = new int[0];
        int count = 0;
        for (int t = 0; t < spikes.length; t++) {
            if (spikes[t].length != n) {
                throw new AnalysisException("row " + t + " of the spike matrix has " + spikes[t].length
                        + " neurons, row 0 has " + n + "; give a rectangular matrix");
            }
            for (int i = 0; i < n; i++) {
                if (spikes[t][i]) {
                    if (count == step.length) {
                        step = Arrays.copyOf(step, 2 * count + 16);
                        neuron = Arrays.copyOf(neuron, 2 * count + 16);
                    }
                    step[count] = t;
                    neuron[count++] = i;
                }
            }
        }
        return new Spikes(n, spikes.length, dt, Arrays.copyOf(step, count), Arrays.copyOf(neuron, count));
    }

    public int count() {
        return step.length;
    }

    /** The spike times of neuron {@code i}, in increasing order. */
    public double[] timesOf(int i) {
        double[] t = new double[step.length];
        int n = 0;
        for (int k = 0; k < step.length; k++) {
            if (neuron[k] == i) {
                t[n++] = step[k] * dt;
            }
        }
        double[] out = Arrays.copyOf(t, n);
        Arrays.sort(out);
        return out;
    }

    /** The number of whole windows of {@code width} time units, whose length in steps is {@code int(width / dt)}. */
    int windowSteps(String what, double width) {
        int w = (int) (width / dt + 1e-9);
        if (w < 1 || w > steps) {
            throw new AnalysisException(what + " " + width + " is not between dt (" + dt + ") and the recording's length ("
                    + steps * dt + "); give a width in that range");
        }
        return w;
    }

    /** Per neuron, the windows (of {@code windowSteps} steps, only whole ones) in which it spiked. */
    BitSet[] activeWindows(int windowSteps) {
        long windows = steps / windowSteps;
        BitSet[] active = new BitSet[neurons];
        for (int i = 0; i < neurons; i++) {
            active[i] = new BitSet();
        }
        for (int k = 0; k < step.length; k++) {
            long w = step[k] / windowSteps;
            if (w < windows) {
                active[neuron[k]].set((int) w);
            }
        }
        return active;
    }

    /** Per neuron, its spike count in each whole window of {@code windowSteps} steps. */
    int[][] windowCounts(int windowSteps) {
        int windows = (int) (steps / windowSteps);
        int[][] counts = new int[neurons][windows];
        for (int k = 0; k < step.length; k++) {
            long w = step[k] / windowSteps;
            if (w < windows) {
                counts[neuron[k]][(int) w]++;
            }
        }
        return counts;
    }
}
