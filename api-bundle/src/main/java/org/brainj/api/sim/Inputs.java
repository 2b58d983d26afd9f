package org.brainj.api.sim;

import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;

/**
 * The reference's input helpers ({@code brainpy.inputs}): currents as arrays with one value per
 * step of {@code dt} (or one row of per-neuron values per step), for {@link Input#overTime}.
 * Times are in the models' unit (ms), frequencies in Hz.
 */
public final class Inputs {
    private Inputs() {
    }

    /** A current with its total duration, as {@code constant_input} returns it. */
    public record Current(double[] values, double duration) {
    }

    /** {@code section_input} / {@code period_input}: value {@code values[k]} for {@code durations[k]}, one after another. */
    public static double[] sectionInput(double[] values, double[] durations, double dt) {
        if (values.length != durations.length) {
            throw new SimulationException("section_input: " + values.length + " values but " + durations.length
                    + " durations; give one duration per value");
        }
        int total = 0;
        int[] lengths = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            lengths[k] = steps(durations[k], dt);
            total += lengths[k];
        }
        double[] out = new double[total];
        int at = 0;
        for (int k = 0; k < values.length; k++) {
            java.util.Arrays.fill(out, at, at + lengths[k], values[k]);
            at += lengths[k];
        }
        return out;
    }

    /** {@code constant_input([(value, duration), ...])}: the sections and their total duration. */
    public static Current constantInput(double[][] valueAndDuration, double dt) {
        double[] values = new double[valueAndDuration.length];
        double[] durations = new double[valueAndDuration.length];
        double total = 0;
        for (int k = 0; k < valueAndDuration.length; k++) {
            values[k] = valueAndDuration[k][0];
            durations[k] = valueAndDuration[k][1];
            total += durations[k];
        }
        return new Current(sectionInput(values, durations, dt), total);
    }

    /** {@code spike_input}: pulses of {@code sizes[k]} from {@code points[k]} for {@code lengths[k]}. */
    public static double[] spikeInput(double[] points, double[] lengths, double[] sizes, double duration, double dt) {
        if (lengths.length != points.length || sizes.length != points.length) {
            throw new SimulationException("spike_input: " + points.length + " points, " + lengths.length
                    + " lengths and " + sizes.length + " sizes; give one length and size per point (or use the scalar form)");
        }
        double[] out = new double[steps(duration, dt)];
        for (int k = 0; k < points.length; k++) {
            int from = (int) (points[k] / dt);
            int to = Math.min(out.length, (int) ((points[k] + lengths[k]) / dt));
            java.util.Arrays.fill(out, Math.min(from, out.length), Math.max(to, Math.min(from, out.length)), sizes[k]);
        }
        return out;
    }

    /** {@code spike_input} with one length and one size for every point. */
    public static double[] spikeInput(double[] points, double length, double size, double duration, double dt) {
        double[] lengths = new double[points.length];
        double[] sizes = new double[points.length];
        java.util.Arrays.fill(lengths, length);
        java.util.Arrays.fill(sizes, size);
        return spikeInput(points, lengths, sizes, duration, dt);
    }

    /** {@code ramp_input}: 0 outside {@code [tStart, tEnd)}, a linear ramp from {@code cStart} to {@code cEnd} inside. */
    public static double[] rampInput(double cStart, double cEnd, double duration, double tStart, double tEnd, double dt) {
        double[] out = new double[steps(duration, dt)];
        int p1 = steps(tStart, dt);
        int p2 = Math.min(out.length, steps(tEnd, dt));
        int n = p2 - p1;
        for (int k = 0; k < n; k++) {
            // numpy's linspace(c_start, c_end, n): both ends included
            out[p1 + k] = n == 1 ? cStart : cStart + (cEnd - cStart) * k / (n - 1);
        }
        return out;
    }

    /** {@code sinusoidal_input}: {@code amplitude sin(2 pi f t)} (+ amplitude with {@code bias}) in {@code [tStart, tEnd)}. */
    public static double[] sinusoidalInput(double amplitude, double frequency, double duration, double tStart, double tEnd,
                                           boolean bias, double dt) {
        return periodic(amplitude, frequency, duration, tStart, tEnd, bias, dt, false);
    }

    /** {@code square_input}: {@code amplitude sign(sin(2 pi f t))} (+ amplitude with {@code bias}) in {@code [tStart, tEnd)}. */
    public static double[] squareInput(double amplitude, double frequency, double duration, double tStart, double tEnd,
                                       boolean bias, double dt) {
        return periodic(amplitude, frequency, duration, tStart, tEnd, bias, dt, true);
    }

    private static double[] periodic(double amplitude, double frequency, double duration, double tStart, double tEnd,
                                     boolean bias, double dt, boolean square) {
        double[] out = new double[steps(duration, dt)];
        int p1 = steps(tStart, dt);
        int p2 = Math.min(out.length, steps(tEnd, dt));
        for (int k = p1; k < p2; k++) {
            double t = (k - p1) * dt;
            double s = Math.sin(2 * Math.PI * frequency * t / 1000);
            out[k] = amplitude * (square ? Math.signum(s) : s) + (bias ? amplitude : 0);
        }
        return out;
    }

    /**
     * NEST's {@code dc_generator}: {@code amplitude} in {@code [start, stop)}, 0 elsewhere (the
     * reference's {@code spike_input} with one pulse, and its rounding of times to steps).
     */
    public static double[] dcGenerator(double amplitude, double start, double stop, double duration, double dt) {
        if (!(start >= 0) || !(stop >= start)) {
            throw new SimulationException("dc_generator: start " + start + " ms and stop " + stop
                    + " ms must satisfy 0 <= start <= stop");
        }
        return spikeInput(new double[] {start}, Math.min(stop, duration) - start, amplitude, duration, dt);
    }

    /**
     * NEST's {@code step_current_generator}: 0 until {@code times[0]}, then {@code values[k]} from
     * {@code times[k]} until the next time (strictly increasing times, as NEST requires).
     */
    public static double[] stepCurrentGenerator(double[] times, double[] values, double duration, double dt) {
        if (times.length != values.length) {
            throw new SimulationException("step_current_generator: " + times.length + " amplitude_times but "
                    + values.length + " amplitude_values; give one value per time");
        }
        double[] levels = new double[times.length + 1];
        double[] lengths = new double[times.length + 1];
        double previous = 0;
        for (int k = 0; k <= times.length; k++) {
            double next = k < times.length ? Math.min(times[k], duration) : duration;
            if (k < times.length && (!(times[k] >= 0) || k > 0 && !(times[k] > times[k - 1]))) {
                throw new SimulationException("step_current_generator: amplitude_times must be >= 0 and strictly"
                        + " increasing, but time " + k + " is " + times[k] + " ms");
            }
            levels[k] = k == 0 ? 0 : values[k - 1];
            lengths[k] = Math.max(0, next - previous);
            previous = Math.max(previous, next);
        }
        return sectionInput(levels, lengths, dt);
    }

    /**
     * {@code wiener_process}: Wiener increments {@code dW ~ N(0, dt)} for {@code n} neurons in
     * {@code [tStart, tEnd)}, 0 elsewhere; drawn with Philox from {@code seed}, shape (steps, n).
     */
    public static double[][] wienerProcess(double duration, int n, double tStart, double tEnd, long seed, double dt) {
        double[][] out = new double[steps(duration, dt)][n];
        int p1 = steps(tStart, dt);
        int p2 = Math.min(out.length, steps(tEnd, dt));
        double scale = Math.sqrt(dt);
        for (int k = p1; k < p2; k++) {
            RandomKey key = new RandomKey(seed, 0, k);
            for (int i = 0; i < n; i++) {
                out[k][i] = scale * Philox.normal(key, i);
            }
        }
        return out;
    }

    /**
     * {@code ou_process}: {@code dx = (mean - x) / tau dt + sigma dW} from {@code x = mean}, by
     * Euler-Maruyama on the increments of {@link #wienerProcess}, in {@code [tStart, tEnd)} (0 elsewhere).
     */
    public static double[][] ouProcess(double mean, double sigma, double tau, double duration, int n, double tStart,
                                       double tEnd, long seed, double dt) {
        double[][] dw = wienerProcess(duration, n, tStart, tEnd, seed, dt);
        double[][] out = new double[dw.length][n];
        int p1 = steps(tStart, dt);
        int p2 = Math.min(out.length, steps(tEnd, dt));
        double[] x = new double[n];
        java.util.Arrays.fill(x, mean);
        for (int k = p1; k < p2; k++) {
            for (int i = 0; i < n; i++) {
                x[i] = x[i] + (mean - x[i]) / tau * dt + sigma * dw[k][i];
                out[k][i] = x[i];
            }
        }
        return out;
    }

    /** numpy's {@code int(ceil(duration / dt))}, with the rounding noise of binary fractions removed. */
    static int steps(double duration, double dt) {
        if (!(duration >= 0) || !(dt > 0)) {
            throw new SimulationException("input: duration " + duration + " must be >= 0 and dt " + dt + " > 0");
        }
        return (int) Math.ceil(duration / dt - 1e-9);
    }
}
