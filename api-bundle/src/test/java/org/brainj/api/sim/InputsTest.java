package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The input helpers against the reference's examples and the processes' known statistics. */
class InputsTest {
    static final double DT = 0.1;

    /** The reference: constant_current([(0, 100), (1, 300), (0, 100)]) is 0, then 1 from 100 to 400 ms, then 0; 500 ms. */
    @Test
    void constantInputAsTheReference() {
        Inputs.Current c = Inputs.constantInput(new double[][] {{0, 100}, {1, 300}, {0, 100}}, DT);
        assertEquals(500, c.duration());
        assertEquals(5000, c.values().length);
        assertEquals(0, c.values()[999]);
        assertEquals(1, c.values()[1000]);
        assertEquals(1, c.values()[3999]);
        assertEquals(0, c.values()[4000]);
        assertEquals(3000, Arrays.stream(c.values()).sum(), 1e-9);
        // [(-1, 10), (1, 3), (3, 30), (-0.5, 10)]: 100 + 30 + 300 + 100 steps
        Inputs.Current d = Inputs.constantInput(new double[][] {{-1, 10}, {1, 3}, {3, 30}, {-0.5, 10}}, DT);
        assertEquals(530, d.values().length);
        assertEquals(-100 + 30 + 900 - 50, Arrays.stream(d.values()).sum(), 1e-9);
    }

    /** The reference: spikes at 10, 20, 30, 200, 300 ms, each 1 ms of 0.5, over 400 ms. */
    @Test
    void spikeInputAsTheReference() {
        double[] c = Inputs.spikeInput(new double[] {10, 20, 30, 200, 300}, 1, 0.5, 400, DT);
        assertEquals(4000, c.length);
        assertEquals(5 * 10 * 0.5, Arrays.stream(c).sum(), 1e-9);
        assertEquals(0, c[99]);
        assertEquals(0.5, c[100]);
        assertEquals(0.5, c[109]);
        assertEquals(0, c[110]);
        assertEquals(0.5, c[3000]);
    }

    /** The reference: ramp 0 to 1 over 1000 ms, and from 200 to 800 ms only. */
    @Test
    void rampInputAsTheReference() {
        double[] full = Inputs.rampInput(0, 1, 1000, 0, 1000, DT);
        assertEquals(10000, full.length);
        assertEquals(0, full[0]);
        assertEquals(1, full[9999], 1e-12);
        assertEquals(0.5, full[5000], 1e-4);
        double[] part = Inputs.rampInput(0, 1, 1000, 200, 800, DT);
        assertEquals(0, part[1999]);
        assertEquals(0, part[2000]);
        assertEquals(1, part[7999], 1e-12);
        assertEquals(0, part[8000]);
    }

    /** A 10 Hz sine has its maximum a quarter period (25 ms) after the start; the square wave is +-A. */
    @Test
    void sinusoidalAndSquare() {
        double[] s = Inputs.sinusoidalInput(2, 10, 200, 50, 200, false, DT);
        assertEquals(0, s[499]);
        assertEquals(0, s[500], 1e-12);
        assertEquals(2, s[750], 1e-9);
        assertEquals(-2, s[1250], 1e-9);
        double[] b = Inputs.sinusoidalInput(2, 10, 200, 0, 200, true, DT);
        assertEquals(4, b[250], 1e-9);
        double[] q = Inputs.squareInput(1.5, 10, 200, 0, 200, false, DT);
        assertEquals(1.5, q[10]);
        assertEquals(-1.5, q[510]);
    }

    /** Wiener increments have mean 0 and variance dt; OU's stationary variance is sigma^2 tau / 2. */
    @Test
    void wienerAndOuStatistics() {
        double[][] dw = Inputs.wienerProcess(100, 1000, 0, 100, 5, DT);
        double sum = 0;
        double sq = 0;
        int count = 0;
        for (double[] row : dw) {
            for (double v : row) {
                sum += v;
                sq += v * v;
                count++;
            }
        }
        // 10^6 samples: the mean's sd is sqrt(dt / 10^6), the variance's relative sd sqrt(2 / 10^6)
        assertEquals(0, sum / count, 5 * Math.sqrt(DT / count));
        assertEquals(DT, sq / count, 5 * DT * Math.sqrt(2.0 / count));
        double mean = 0.5;
        double sigma = 0.2;
        double tau = 10;
        double[][] ou = Inputs.ouProcess(mean, sigma, tau, 2000, 200, 0, 2000, 9, DT);
        double m = 0;
        double v = 0;
        int n = 0;
        for (int k = 5000; k < ou.length; k++) {
            for (double x : ou[k]) {
                m += x;
                v += (x - mean) * (x - mean);
                n++;
            }
        }
        assertEquals(mean, m / n, 0.01);
        // samples are correlated over tau = 100 steps: about 200 * 150 independent ones, 10% is > 5 sd
        assertEquals(sigma * sigma * tau / 2, v / n, 0.1 * sigma * sigma * tau / 2);
    }

    /** NEST's dc_generator and step_current_generator, by hand: 0, the amplitude in its window, 0. */
    @Test
    void nestCurrentGeneratorsHoldTheirAmplitudes() {
        double[] dc = Inputs.dcGenerator(2, 1, 3, 5, DT);
        assertEquals(50, dc.length);
        assertEquals(0, dc[9]);
        assertEquals(2, dc[10]);
        assertEquals(2, dc[29]);
        assertEquals(0, dc[30]);
        assertEquals(20 * 2, Arrays.stream(dc).sum(), 1e-12);
        assertEquals(45 * 2, Arrays.stream(Inputs.dcGenerator(2, 0.5, Double.POSITIVE_INFINITY, 5, DT)).sum(), 1e-12);
        double[] steps = Inputs.stepCurrentGenerator(new double[] {1, 2.5}, new double[] {3, -1}, 4, DT);
        assertEquals(40, steps.length);
        assertEquals(0, steps[9]);
        assertEquals(3, steps[10]);
        assertEquals(3, steps[24]);
        assertEquals(-1, steps[25]);
        assertEquals(-1, steps[39]);
        SimulationException e = assertThrows(SimulationException.class,
                () -> Inputs.stepCurrentGenerator(new double[] {2, 1}, new double[] {3, 4}, 4, DT));
        assertEquals("step_current_generator: amplitude_times must be >= 0 and strictly increasing, but time 1 is 1.0 ms",
                e.getMessage());
    }

    @Test
    void noiseParametersOutsideTheirRangeAreRefused() {
        assertThrows(SimulationException.class, () -> new Noise.Wiener(1, 5, 2));
        assertThrows(SimulationException.class, () -> new Noise.OrnsteinUhlenbeck(0, 1, 0, 0, 10));
        // NEST: std_mod <= std, so std^2 + std_mod^2 sin(...) stays >= 0
        assertThrows(SimulationException.class, () -> new Noise.Gaussian(0, 1, 1, 2, 10, 0, 0, 10));
        Noise.Gaussian g = new Noise.Gaussian(0, 1, 1, 1, 250, 0, 0, 10);
        // 250 Hz: at t = 1 ms the phase is pi / 2, std sqrt(1 + 1); at 3 ms 3 pi / 2, std 0
        assertEquals(Math.sqrt(2), g.stdAt(1), 1e-12);
        assertEquals(0, g.stdAt(3), 1e-6);
    }

    @Test
    void mismatchedSectionsAreRefused() {
        SimulationException e = assertThrows(SimulationException.class,
                () -> Inputs.sectionInput(new double[] {1, 2}, new double[] {10}, DT));
        assertEquals("section_input: 2 values but 1 durations; give one duration per value", e.getMessage());
    }
}
