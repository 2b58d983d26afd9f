package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.launcher.output.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec inputs run on the CPU backend, each checked against its closed form (waveforms: the value
 * at every step, from the formula written out here) or its statistics (noise, Poisson sources:
 * moments within 4 standard errors of their estimates). Inputs apply before the state is
 * recorded, so record k holds the input of step k, at t = k dt.
 */
class InputSpecTest {
    private static final double DT = 0.1;

    @TempDir
    Path dir;

    /** {@code size} neurons whose per-step input I (nA) and its running sum W are recorded, driven by {@code inputs}. */
    private SpecRun run(String duration, int size, String inputs) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: %s, dt: 0.1 ms, seed: 5}
                populations:
                  P:
                    size: %d
                    equations: |
                      dW/dt = 0*nA/ms : amp
                      I : amp
                    inputs: [I]
                inputs:
                %s
                monitors:
                  state:
                    - {population: P, variable: I}
                    - {population: P, variable: W}
                """.formatted(duration, size, inputs.indent(2).stripTrailing()));
        SpecRun run = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        run.network().run(run.settings().duration());
        return run;
    }

    private static double[][] recorded(SpecRun run, String variable) {
        return run.states().stream().filter(s -> s.variable().equals(variable)).findFirst().orElseThrow().monitor().values();
    }

    /** Neuron 0's input at every step against {@code expected(k)}, to rounding. */
    private static void assertSteps(SpecRun run, LongToDoubleFunction expected) {
        double[][] values = recorded(run, "I");
        for (int k = 0; k < values.length; k++) {
            assertEquals(expected.applyAsDouble(k), values[k][0], 1e-12, "step " + k + " (t = " + k * DT + " ms)");
        }
    }

    @Test
    void sectionAndConstantHoldEachValueForItsDurationThenZero() throws Exception {
        // [0, 1, 0.5] nA for 10, 30, 20 ms; the run is 80 ms, so 0 after 60 ms
        SpecRun section = run("80 ms", 1, "- {type: section, target: P.I, values: [0 nA, 1 nA, 0.5 nA], durations: [10 ms, 30 ms, 20 ms]}");
        LongToDoubleFunction expected = k -> k < 100 ? 0 : k < 400 ? 1 : k < 600 ? 0.5 : 0;
        assertSteps(section, expected);
        SpecRun constant = run("80 ms", 1, "- {type: constant, target: P.I, I_and_duration: [[0 nA, 10 ms], [1 nA, 30 ms], [500 pA, 20 ms]]}");
        assertSteps(constant, expected);
    }

    @Test
    void spikeGivesPulsesOfTheirLengthAndSize() throws Exception {
        SpecRun run = run("50 ms", 1, "- {type: spike, target: P.I, points: [10 ms, 20 ms], lengths: 1 ms, sizes: [0.5 nA, 2 nA]}");
        assertSteps(run, k -> k >= 100 && k < 110 ? 0.5 : k >= 200 && k < 210 ? 2 : 0);
    }

    @Test
    void rampRisesLinearlyFromItsStartToItsEnd() throws Exception {
        // numpy's linspace(0, 1, 300) over steps 100..399: value (k - 100) / 299
        SpecRun run = run("50 ms", 1, "- {type: ramp, target: P.I, c_start: 0 nA, c_end: 1 nA, t_start: 10 ms, t_end: 40 ms}");
        assertSteps(run, k -> k >= 100 && k < 400 ? (k - 100) / 299.0 : 0);
    }

    @Test
    void sinusoidalAndSquareFollowTheSineFromTheirStart() throws Exception {
        // 2 nA at 50 Hz from 10 ms to 70 ms: 2 sin(2 pi 50 Hz (t - 10 ms)); square: its sign (at 30 Hz, whose zeros
        // miss the step grid but for t = 0); bias adds the amplitude
        SpecRun sine = run("80 ms", 1, "- {type: sinusoidal, target: P.I, amplitude: 2 nA, frequency: 50 Hz, t_start: 10 ms, t_end: 70 ms}");
        assertSteps(sine, k -> k >= 100 && k < 700 ? 2 * Math.sin(2 * Math.PI * 50 * ((k - 100) * DT) / 1000) : 0);
        SpecRun square = run("80 ms", 1, "- {type: square, target: P.I, amplitude: 2 nA, frequency: 30 Hz, bias: true}");
        assertSteps(square, k -> 2 * Math.signum(Math.sin(2 * Math.PI * 30 * (k * DT) / 1000)) + 2);
    }

    @Test
    void nestCurrentGeneratorsWithNestsParameterNames() throws Exception {
        SpecRun dc = run("30 ms", 1, "- {type: dc_generator, target: P.I, amplitude: 300 pA, start: 5 ms, stop: 25 ms}");
        assertSteps(dc, k -> k >= 50 && k < 250 ? 0.3 : 0);
        SpecRun steps = run("30 ms", 1, "- {type: step_current_generator, target: P.I, amplitude_times: [5 ms, 12 ms],"
                + " amplitude_values: [100 pA, -50 pA]}");
        assertSteps(steps, k -> k < 50 ? 0 : k < 120 ? 0.1 : -0.05);
    }

    @Test
    void wienerIncrementsAddUpToVarianceT() throws Exception {
        // W(t) = sigma (dW_0 + ... + dW_k): mean 0, variance sigma^2 (k + 1) dt with dt in ms (sigma 1 nA per sqrt(ms))
        int n = 2000;
        double[][] w = recorded(run("40 ms", n, "- {type: wiener, target: P.W, sigma: 1 nA}"), "W");
        for (int k : new int[] {99, 399}) {
            double t = (k + 1) * DT;
            double mean = Arrays.stream(w[k]).average().orElseThrow();
            double variance = Arrays.stream(w[k]).map(x -> (x - mean) * (x - mean)).sum() / (n - 1);
            assertEquals(0, mean, 4 * Math.sqrt(t / n), "mean at " + t + " ms");
            // a sample variance's standard error is variance sqrt(2 / (n - 1))
            assertEquals(t, variance, 4 * t * Math.sqrt(2.0 / (n - 1)), "variance at " + t + " ms");
        }
    }

    @Test
    void ornsteinUhlenbeckHasItsStationaryMomentsAndExponentialAutocorrelation() throws Exception {
        // dx = (mean - x) / tau dt + sigma dW: stationary mean 0.5 nA, variance sigma^2 tau / 2 = 0.01 * 10 / 2 = 0.05 nA^2,
        // correlation exp(-lag / tau) (the Euler scheme's own: variance sigma^2 dt / (1 - (1 - dt/tau)^2), (1 - dt/tau)^lag)
        int n = 1000;
        double[][] x = recorded(run("150 ms", n, "- {type: ou, target: P.I, mean: 0.5 nA, sigma: 0.1 nA, tau: 10 ms}"), "I");
        double a = 1 - DT / 10;
        double variance = 0.01 * DT / (1 - a * a);
        assertEquals(0.05, variance, 0.05 * 0.006, "the scheme's variance is the continuous one to 0.5%");
        int from = 1000;
        double sum = 0;
        double squares = 0;
        double lagged = 0;
        int lag = 50;
        int count = 0;
        int pairs = 0;
        for (int k = from; k < x.length; k++) {
            for (int i = 0; i < n; i++) {
                sum += x[k][i];
                squares += (x[k][i] - 0.5) * (x[k][i] - 0.5);
                count++;
                if (k + lag < x.length) {
                    lagged += (x[k][i] - 0.5) * (x[k + lag][i] - 0.5);
                    pairs++;
                }
            }
        }
        // samples are correlated in time; n neurons are independent, so 4 standard errors of one time's estimate bound them
        assertEquals(0.5, sum / count, 4 * Math.sqrt(variance / n));
        assertEquals(variance, squares / count, 4 * variance * Math.sqrt(2.0 / n));
        double rho = lagged / pairs / variance;
        assertEquals(Math.exp(-lag * DT / 10), rho, 4 * Math.sqrt(2.0 / n), "autocorrelation at 5 ms");
        assertEquals(Math.pow(a, lag), Math.exp(-lag * DT / 10), 2e-3);
    }

    @Test
    void noiseGeneratorHoldsEachDrawForItsIntervalWithNestsMeanAndStd() throws Exception {
        // NEST: I = mean + std N(0, 1), a new draw per neuron every dt = 1 ms (10 steps), between start and stop
        int n = 500;
        double[][] x = recorded(run("60 ms", n, "- {type: noise_generator, target: P.I, mean: 0.2 nA, std: 50 pA, dt: 1 ms,"
                + " start: 10 ms}"), "I");
        for (int k = 0; k < 100; k++) {
            assertEquals(0, x[k][7], "before start");
        }
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (int k = 100; k < x.length; k++) {
            for (int i = 0; i < n; i++) {
                assertEquals(x[k - k % 10][i], x[k][i], "one value through each interval");
                if (k % 10 == 0) {
                    sum += x[k][i];
                    squares += (x[k][i] - 0.2) * (x[k][i] - 0.2);
                    count++;
                }
            }
        }
        // 50 intervals x 500 neurons independent draws
        assertEquals(0.2, sum / count, 4 * 0.05 / Math.sqrt(count));
        assertEquals(0.05 * 0.05, squares / count, 4 * 0.05 * 0.05 * Math.sqrt(2.0 / count));
        assertTrue(Math.abs(x[100][0] - x[110][0]) > 0, "intervals draw afresh");
    }

    @Test
    void noiseGeneratorModulatesItsVarianceAsNestDocumentsIt() throws Exception {
        // NEST: the variance is std^2 + std_mod^2 sin(2 pi f t + phase); at 250 Hz the 1-ms intervals starting at
        // t = j ms have sin = 0, 1, 0, -1 for j mod 4 = 0, 1, 2, 3: variance 1, 2, 1, 0 times std^2
        int n = 1000;
        double[][] x = recorded(run("40 ms", n, "- {type: noise_generator, target: P.I, mean: 0.1 nA, std: 30 pA,"
                + " std_mod: 30 pA, frequency: 250 Hz}"), "I");
        double[] factor = {1, 2, 1, 0};
        for (int phase = 0; phase < 4; phase++) {
            double squares = 0;
            int count = 0;
            for (int j = phase; j < 40; j += 4) {
                for (int i = 0; i < n; i++) {
                    squares += (x[10 * j][i] - 0.1) * (x[10 * j][i] - 0.1);
                    count++;
                }
            }
            double expected = factor[phase] * 0.03 * 0.03;
            assertEquals(expected, squares / count, 4 * expected * Math.sqrt(2.0 / count) + 1e-24, "intervals j mod 4 = " + phase);
        }
    }

    private SpecRun generators(String populations) throws Exception {
        Path file = Files.writeString(dir.resolve("gen.yaml"), """
                run: {duration: 1 s, dt: 0.1 ms, seed: 9}
                populations:
                %s
                """.formatted(populations.indent(2).stripTrailing()));
        SpecRun run = SpecLoader.load(file, "gen.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        run.network().run(run.settings().duration());
        return run;
    }

    @Test
    void aPoissonGroupFollowsItsTimeVaryingRate() throws Exception {
        // rate 20 Hz + 10 Hz sin(2 pi 5 Hz t): per neuron 20 spikes in 1 s (Poisson: variance 20, less sum p^2 < 0.1);
        // in the halves where the sine is positive 10 + 10 Hz x 5 x 2 / (2 pi 5 Hz) = 10 + 10/pi spikes, else 10 - 10/pi
        int n = 1000;
        SpikeMonitor m = generators("R: {size: 1000, generator: {type: poisson, rates: '20*Hz + 10*Hz*sin(2*pi*5*Hz*t)'}}")
                .spikes().get("R");
        int[] counts = new int[n];
        double high = 0;
        for (int e = 0; e < m.count(); e++) {
            counts[m.indices()[e]]++;
            high += Math.sin(2 * Math.PI * 5e-3 * m.times()[e]) > 0 ? 1 : 0;
        }
        double mean = Arrays.stream(counts).average().orElseThrow();
        double variance = Arrays.stream(counts).mapToDouble(c -> (c - mean) * (c - mean)).sum() / (n - 1);
        assertEquals(20, mean, 4 * Math.sqrt(20.0 / n));
        assertEquals(20, variance, 4 * 20 * Math.sqrt(2.0 / (n - 1)));
        assertEquals(n * (10 + 10 / Math.PI), high, 4 * Math.sqrt(n * (10 + 10 / Math.PI)));
    }

    @Test
    void aSinusoidalPoissonGeneratorHasNestsRate() throws Exception {
        // rate + amplitude sin(2 pi f t + phase): 10 Hz + 10 Hz cos(2 pi 2 Hz t) with phase 90 degrees; 10 spikes per neuron;
        // in the first eighth of each period (cos > 0.707) the mean rate is 10 + 10 sin(pi/4) / (pi/4) = 19.0 Hz
        int n = 1000;
        SpikeMonitor m = generators("S: {size: 1000, generator: {type: sinusoidal_poisson_generator, rate: 10 Hz,"
                + " amplitude: 10 Hz, frequency: 2 Hz, phase: 90}}").spikes().get("S");
        assertEquals(10.0 * n, m.count(), 4 * Math.sqrt(10.0 * n));
        long early = Arrays.stream(m.times()).filter(t -> (t % 500 < 62.5) || (t % 500 >= 437.5)).count();
        double expected = n * (10 + 10 * Math.sin(Math.PI / 4) / (Math.PI / 4)) * 0.25;
        assertEquals(expected, early, 4 * Math.sqrt(expected));
    }

    @Test
    void aSpikeGeneratorFiresAtItsTimesFromAListOrAFile() throws Exception {
        SpikeMonitor listed = generators("G: {size: 3, generator: {type: spike_generator, times: [1 ms, 2.5 ms, 0.4 s],"
                + " indices: [2, 0, 2]}}").spikes().get("G");
        assertArrayEquals(new double[] {1, 2.5, 400}, listed.times(), 1e-9);
        assertArrayEquals(new int[] {2, 0, 2}, listed.indices());
        // BrainJ's own spikes_P.csv: a header, then time in ms and index
        Files.writeString(dir.resolve("spikes.csv"), "t_ms,i\n3.0,1\n7.5,0\n");
        SpikeMonitor filed = generators("G: {size: 2, generator: {type: spike_generator, file: spikes.csv}}").spikes().get("G");
        assertArrayEquals(new double[] {3, 7.5}, filed.times(), 1e-9);
        assertArrayEquals(new int[] {1, 0}, filed.indices());
        // and its spikes_P.npy, shape (n, 2)
        Files.write(dir.resolve("spikes.npy"), Npy.float64(new double[] {0.5, 1, 9.2, 0}, 2, 2));
        SpikeMonitor npy = generators("G: {size: 2, generator: {type: spike_generator, file: spikes.npy}}").spikes().get("G");
        assertArrayEquals(new double[] {0.5, 9.2}, npy.times(), 1e-9);
        assertArrayEquals(new int[] {1, 0}, npy.indices());
    }

    @Test
    void anOuInputContinuesFromItsStateWhenTheNetworkMovesToAnotherBackend() throws Exception {
        // the same draws (Philox, keyed by step) and the carried state: the moved run records exactly the unmoved one
        String ou = "- {type: ou, target: P.I, mean: 0.5 nA, sigma: 0.1 nA, tau: 10 ms}";
        double[][] whole = recorded(run("40 ms", 50, ou), "I");
        Path file = dir.resolve("net.yaml");
        SpecRun moved = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        moved.network().run(17.3);
        moved.network().moveTo(new CpuBackend());
        moved.network().run(40 - 17.3);
        double[][] parts = recorded(moved, "I");
        assertEquals(whole.length, parts.length);
        for (int k = 0; k < whole.length; k++) {
            assertArrayEquals(whole[k], parts[k], 0.0, "step " + k);
        }
    }
}
