package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brainj.api.sim.SpikeMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Specs mapped onto the runtime, checked by what the network then does against closed-form
 * LIF firing: from reset V0 under constant drive to V_inf, the threshold V_th is reached after
 * {@code tau ln((V_inf - V0) / (V_inf - V_th))}, and the refractory period adds to the interval.
 */
class SpecLoaderTest {
    @TempDir
    Path dir;

    private SpecRun load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), yaml);
        return SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
    }

    /** The mean interval between the first neuron's spikes, in ms. */
    private static double meanInterval(SpikeMonitor m) {
        double[] t = m.times();
        int[] i = m.indices();
        double first = -1;
        double last = -1;
        int n = 0;
        for (int k = 0; k < t.length; k++) {
            if (i[k] == 0) {
                first = first < 0 ? t[k] : first;
                last = t[k];
                n++;
            }
        }
        assertTrue(n > 2, "neuron 0 fired " + n + " times");
        return (last - first) / (n - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "rk4", "exponential_euler"})
    void equationsInSiUnitsRunInMillisecondsAndMillivolts(String method) throws Exception {
        SpecRun run = load("""
                run: {duration: 0.5 s, dt: 0.01 ms, seed: 3}
                populations:
                  N:
                    size: 3
                    equations: |
                      dV/dt = (El - V + I) / tau : volt (unless refractory)
                    method: %s
                    threshold: V > V_th
                    reset: V = El
                    refractory: 0.002 s
                    parameters: {El: -0.06 V, I: 20 mV, tau: 0.01 s, V_th: -50 mV}
                    initial: {V: -60 mV}
                """.formatted(method));
        assertEquals(500, run.settings().duration());
        assertEquals(0.01, run.settings().dt());
        run.network().run(run.settings().duration());
        // closed form: 2 ms + 10 ms * ln(20 / 10) = 8.931 ms; each method's error at dt = 0.01 ms and the step grid add < 0.02 ms
        double expected = 2 + 10 * Math.log(2);
        assertEquals(expected, meanInterval(run.spikes().get("N")), 0.02);
    }

    @Test
    void aCatalogModelTakesParametersInItsOwnUnitsAndInputsDriveIt() throws Exception {
        SpecRun run = load("""
                run: {duration: 400 ms, dt: 0.01 ms}
                populations:
                  N:
                    size: 2
                    model: LIF
                    parameters: {V_rest: 0 mV, V_reset: -5 mV, V_th: 0.02 V, tau: 10 ms, tau_ref: 1000 us}
                inputs:
                  - {population: N, variable: input, value: 25 mV, op: '+'}
                """);
        run.network().run(run.settings().duration());
        // LIF's dV/dt = (-(V - V_rest) + R input) / tau with R = 1: 1 ms + 10 ms * ln((25 + 5) / (25 - 20))
        double expected = 1 + 10 * Math.log(6);
        assertEquals(expected, meanInterval(run.spikes().get("N")), 0.02);
    }

    /** Read on a thread of its own while the caller starts the platform, a spec runs as one loaded in one go: the same spikes. */
    @Test
    void aSpecReadAheadRunsAsOneLoadedInOneGo() throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 100 ms, dt: 0.1 ms, seed: 5}
                populations:
                  N:
                    size: 20
                    equations: "dV/dt = (I - V) / tau + sigma * xi / sqrt(tau) : volt"
                    threshold: V > V_th
                    reset: V = 0 * mV
                    parameters: {I: 9 mV, tau: 10 ms, sigma: 3 mV, V_th: 10 mV}
                """);
        SpecRun ahead = SpecLoader.readAhead(file, "net.yaml", RunSettings.Overrides.NONE).assemble(Catalog.classpath());
        SpecRun once = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        ahead.network().run(ahead.settings().duration());
        once.network().run(once.settings().duration());
        SpikeMonitor a = ahead.spikes().get("N");
        SpikeMonitor b = once.spikes().get("N");
        assertTrue(b.indices().length > 20, b.indices().length + " spikes");
        assertArrayEquals(b.indices(), a.indices());
        assertArrayEquals(b.times(), a.times());
    }

    @Test
    void viewsAndProjectionsConnectTheNamedNeurons() throws Exception {
        // one-to-one, weight 2 mV: each spike of Src[0:2] lifts the matching Dst neuron by exactly 2 mV
        SpecRun run = load("""
                run: {duration: 1 ms, dt: 0.1 ms}
                populations:
                  Src:
                    size: 4
                    equations: "dV/dt = slope : volt"
                    threshold: V > V_th
                    reset: V = V_th - drop
                    parameters: {slope: 1 mV/ms, V_th: 0.55 mV, drop: 1 V}
                  Dst:
                    size: 2
                    equations: "dV/dt = 0 * V / tau : volt"
                    parameters: {tau: 1 ms}
                views:
                  First: Src[0:2]
                projections:
                  P:
                    pre: First
                    post: Dst
                    connector: One2One
                    weight: 2 mV
                    delay: 0.2 ms
                monitors:
                  spikes: [Src]
                  state:
                    - {population: Dst, variable: V}
                """);
        run.network().run(run.settings().duration());
        SpecRun.State v = run.states().get(0);
        assertEquals("mV", v.unit());
        double[][] values = v.monitor().values();
        double[] times = v.monitor().times();
        // Src: V = t * 1 mV/ms crosses 0.55 mV in the step ending at 0.6 ms: every neuron spikes once (the
        // reset sends V to about -1000 mV). Delivered 0.2 ms later, at the start of the step from 0.8 ms, each
        // spike lifts its Dst neuron by 2 mV, first seen in the record after that step (0.9 ms)
        assertEquals(4, run.spikes().get("Src").count());
        for (int r = 0; r < times.length; r++) {
            double want = times[r] > 0.85 ? 2 : 0;
            assertEquals(want, values[r][0], 1e-12, "t = " + times[r]);
            assertEquals(want, values[r][1], 1e-12, "t = " + times[r]);
        }
    }

    @Test
    void unitlessEquationsAreBrainPysStyleWithTimeInMilliseconds() throws Exception {
        // the reference's LIF numbers: V_rest 0, V_th 20, tau 10 (ms), constant drive 25
        SpecRun run = load("""
                run: {duration: 400 ms, dt: 0.01 ms}
                populations:
                  N:
                    size: 1
                    equations: "dV/dt = (V_rest - V + I) / tau : 1 (unless refractory)"
                    threshold: V >= V_th
                    reset: V = V_rest
                    refractory: t_ref
                    parameters: {V_rest: 0, V_th: 20, tau: 10, I: 25, t_ref: 1 ms}
                """);
        run.network().run(run.settings().duration());
        // 1 ms + 10 ms * ln(25 / (25 - 20))
        assertEquals(1 + 10 * Math.log(5), meanInterval(run.spikes().get("N")), 0.02);
    }

    @Test
    void poissonInputJumpsThePotentialByPoissonCounts() throws Exception {
        // 20 kHz for 100 ms at dt 0.1 ms: 2 events per step on average, 2000 in all per neuron;
        // monitors sample before the update, so the record at 100 ms needs a run one step longer
        SpecRun run = load("""
                run: {duration: 100.1 ms, dt: 0.1 ms, seed: 5}
                populations:
                  N:
                    size: 400
                    equations: "dV/dt = 0 * V / tau : volt"
                    parameters: {tau: 1 ms}
                    poisson_input: {rate: 20 kHz, weight: 1 mV}
                monitors:
                  state:
                    - {population: N, variable: V, period: 100 ms}
                """);
        run.network().run(run.settings().duration());
        double[] v = run.states().get(0).monitor().values()[1];
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        // Poisson(2000): mean 2000 and variance 2000; five standard errors over 400 neurons
        assertEquals(2000, mean, 5 * Math.sqrt(2000.0 / 400));
        assertEquals(2000, var, 5 * 2000 * Math.sqrt(2.0 / 399));
        for (double x : v) {
            assertEquals(Math.rint(x), x, 1e-9, "a whole number of 1 mV jumps");
        }
    }

    @Test
    void aSynapseWithItsOutputDrivesTheCurrentSymbol() throws Exception {
        // one spike at 0.5 ms (V = t * 1 mV/ms crossing 0.45 mV), delivered at the start of the next step:
        // the library's exponential current (integrated exactly) is then w e^(-(t - t0) / tau) with w = 2 nA, tau = 5 ms
        SpecRun run = load("""
                run: {duration: 10 ms, dt: 0.01 ms}
                populations:
                  Src:
                    size: 1
                    equations: "dV/dt = slope : volt"
                    threshold: V > V_th
                    reset: V = V_th - drop
                    parameters: {slope: 1 mV/ms, V_th: 0.455 mV, drop: 1 V}
                  Dst:
                    size: 1
                    equations: |
                      dV/dt = I_syn / C : volt
                      I_syn : amp
                    current: I_syn
                    parameters: {C: 1 nF}
                projections:
                  P:
                    pre: Src
                    post: Dst
                    connector: All2All
                    synapse: {kind: Exponential, tau: 5 ms}
                    output: CUBA
                    weight: 2 nA
                monitors:
                  state:
                    - {population: Dst, variable: P_s}
                """);
        run.network().run(run.settings().duration());
        assertEquals(1, run.spikes().get("Src").count());
        double t0 = run.spikes().get("Src").times()[0];
        double[][] g = run.states().get(0).monitor().values();
        double[] t = run.states().get(0).monitor().times();
        for (int k = 0; k < t.length; k++) {
            // first seen after the delivery step [t0, t0 + dt): from there it decays for t - (t0 + dt) more
            double want = t[k] < t0 + 0.005 ? 0 : 2 * Math.exp(-(t[k] - t0 - 0.01) / 5);
            assertEquals(want, g[k][0], 1e-12, "t = " + t[k]);
        }
    }

    @Test
    void aRegisteredPoissonGeneratorFiresAtItsRate() throws Exception {
        SpecRun run = load("""
                run: {duration: 1 s, dt: 0.1 ms, seed: 2}
                populations:
                  Noise: {size: 1000, model: PoissonGroup, parameters: {freqs: 0.05 kHz}}
                """);
        run.network().run(run.settings().duration());
        // 1000 neurons x 1 s x 50 Hz: 50000 spikes, Poisson-like (binomial) spread sqrt(50000) = 224; five of those
        assertEquals(50000, run.spikes().get("Noise").count(), 5 * Math.sqrt(50000));
    }

    @Test
    void jsonIsReadAsYaml() throws Exception {
        SpecRun run = load("""
                {"run": {"duration": "2 ms"},
                 "populations": {"N": {"size": 1, "model": "LIF"}}}
                """);
        assertEquals(2, run.settings().duration());
        assertEquals(RunSettings.DEFAULT_DT, run.settings().dt());
        assertEquals("net", run.name());
    }

    @Test
    void commandLineSettingsOverrideTheSpec() throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 1 s, dt: 0.1 ms, seed: 1}
                populations: {N: {size: 1, model: LIF}}
                """);
        SpecRun run = SpecLoader.load(file, "net.yaml", new RunSettings.Overrides(20.0, 0.05, 9L, "cpu"), Catalog.classpath());
        assertEquals(new RunSettings(20, 0.05, 9, "cpu", org.brainj.api.tensor.DType.FLOAT64), run.settings());
    }

    /** A source whose two neurons spike once each, at 0.5 ms, onto a target that only sums what arrives. */
    private static final String ONE_SPIKE_EACH = """
            run: {duration: 2 ms, dt: 0.1 ms}
            populations:
              Src:
                size: 2
                equations: "dv/dt = 1/ms : 1"
                threshold: v > 0.45
                reset: v = -100
              Q:
                size: 1
                equations: "dV/dt = 0*mV/ms : volt"
            projections:
              S:
                pre: Src
                post: Q
                connector: {name: IndexConn, i: [0, 1], j: [0, 0], weights: [2, 3]}
                on: V
            """;

    @Test
    void aConnectorsOwnWeightsArriveAsGiven() throws Exception {
        SpecRun run = load(ONE_SPIKE_EACH);
        run.network().run(run.settings().duration());
        // one spike from each source through weights 2 and 3 (in mV, the model's unit): 5, not 2 x a scalar
        assertEquals(5.0, run.group("Q").variable("V").toDoubleArray()[0], 1e-12);
        SpecException e = assertThrows(SpecException.class,
                () -> load(ONE_SPIKE_EACH + "    weight: 1 mV\n"));
        assertTrue(e.getMessage().startsWith("net.yaml:17: projections.S.weight: connector IndexConn gives each"
                + " synapse its own weight"), e.getMessage());
    }

    @Test
    void perNeuronValuesFromListsFilesAndExpressionsOfTheIndex() throws Exception {
        double[] thresholds = {-50, -45, -40, -35};
        Files.write(dir.resolve("th.npy"), org.brainj.launcher.output.Npy.float64(thresholds, 4));
        SpecRun run = load("""
                run: {duration: 1 ms, dt: 0.1 ms}
                populations:
                  P:
                    size: 4
                    equations: |
                      dV/dt = (El - V) / tau : volt
                      dw/dt = -w / tau : 1
                      V_th : volt
                      g : siemens
                    threshold: V > V_th
                    parameters: {El: -60 mV, tau: 10 ms, V_th: th.npy, g: [1 nS, 2 nS, 3 nS, 4 nS]}
                    initial: {V: '-70*mV + 2*mV*i', w: 'i / N'}
                """);
        org.brainj.api.sim.NeuronGroup p = run.group("P");
        assertArrayEquals(new double[] {-70, -68, -66, -64}, p.variable("V").toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75}, p.variable("w").toDoubleArray(), 1e-12);
        assertArrayEquals(thresholds, p.variable("V_th").toDoubleArray(), 1e-12);
        // nS in the system's uS
        assertArrayEquals(new double[] {0.001, 0.002, 0.003, 0.004}, p.variable("g").toDoubleArray(), 1e-15);
        SpecException e = assertThrows(SpecException.class, () -> load("""
                run: {duration: 1 ms, dt: 0.1 ms}
                populations:
                  P:
                    size: 4
                    equations: "dV/dt = -V / (10*ms) : volt"
                    initial: {V: '-70*mV + 2*ms*i'}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:6:26: populations.P.initial.V: unit mismatch"), e.getMessage());
    }

    @Test
    void aRefractoryConditionHoldsANeuronThatSpikedWhileItIsTrue() throws Exception {
        SpecRun run = load("""
                run: {duration: 20 ms, dt: 0.1 ms}
                populations:
                  N:
                    size: 1
                    equations: dv/dt = -1
                    threshold: v > 1
                    reset: v = 3
                    refractory: v > 2.05
                    initial: {v: 3}
                """);
        run.network().run(run.settings().duration());
        double[] t = run.spikes().get("N").times();
        // by Brian2's rule (not_refractory = not_refractory or not (v > 2.05), before each update): after a
        // reset to 3 the step starting at v = 3 - 0.1 k frees the neuron at k = 10, which then spikes: every
        // 11 steps (without the condition it would spike in every step)
        assertTrue(t.length > 10, java.util.Arrays.toString(t));
        for (int k = 1; k < t.length; k++) {
            assertEquals(1.1, t[k] - t[k - 1], 1e-9, java.util.Arrays.toString(t));
        }
    }
}
