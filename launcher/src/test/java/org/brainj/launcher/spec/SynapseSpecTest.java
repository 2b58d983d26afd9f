package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.brainj.api.sim.SpikeMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projections whose synapse is an equation block (Brian2's keys), from spec files. */
class SynapseSpecTest {
    @TempDir
    Path dir;

    private SpecRun load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), yaml);
        return SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
    }

    private static String songMillerAbbott(String duration) throws Exception {
        return Files.readString(Path.of("..", "examples", "stdp_song.yaml")).replace("duration: 100 s", "duration: " + duration);
    }

    /**
     * Song, Miller and Abbott (2000): additive STDP with dApost slightly stronger than dApre
     * drives weights that start uniform in [0, gmax) towards both bounds. The full 100 s run is
     * examples/stdp_song.yaml; here 20 s, by which both outer tenths of [0, gmax] already hold
     * more weights than any inner tenth (uniform: 100 each).
     */
    @Test
    void songMillerAbbottStdpDrivesTheWeightsToBothBounds() throws Exception {
        SpecRun run = load(songMillerAbbott("20 s"));
        run.network().run(run.settings().duration());
        int[] tenths = new int[10];
        for (double x : run.synapses().get("S").variable("w").toDoubleArray()) {
            assertTrue(x >= 0 && x <= 0.01, "w = " + x + " outside [0, gmax]");
            tenths[Math.min(9, (int) (x / 0.001))]++;
        }
        int inner = Arrays.stream(tenths, 1, 9).max().getAsInt();
        assertTrue(tenths[0] > inner && tenths[9] > inner, "weights per tenth of gmax: " + Arrays.toString(tenths));
    }

    /** A pair of neurons: A spikes at its threshold, B receives. Lines are counted in the cases below. */
    private static final String PAIR = """
            run: {duration: 10 ms, dt: 0.1 ms}
            populations:
              A:
                size: 2
                equations: |
                  dv/dt = 1 / (2*ms) : 1
                threshold: v > 1
                reset: v = 0
              B:
                size: 3
                equations: |
                  dv/dt = -v / (10*ms) : volt
                  dg/dt = -g / (5*ms) : 1
                  I_gap : amp
                parameters: {I_gap: [0 nA, 0 nA, 0 nA]}
            projections:
              S:
                pre: A
                post: B
                connector: All2All
                synapse:
                  model: |
                    w : 1
                    dx/dt = -x / tau : 1 (event-driven)
                  on_pre: |
                    g_post += w
                    x += 1
                  on_post: |
                    w = w + x
                  parameters: {tau: 20 ms}
                initial: {w: '0.5 + 0.1 * i + 0.01 * j'}
            monitors:
              state:
                - {synapses: S, variable: w, indices: [0, 4], period: 0.5 ms}
            """;

    private static String replaceLine(String spec, int line, String text) {
        String[] lines = spec.split("\n", -1);
        lines[line - 1] = text;
        return String.join("\n", lines);
    }

    @Test
    void initialValuesAreExpressionsOfThePreAndPostIndexAndOnPreAddsToThePostGroup() throws Exception {
        SpecRun run = load(PAIR);
        org.brainj.api.sim.Synapses s = run.synapses().get("S");
        // All2All: synapse (i, j) is row i, column j, in CSR order
        double[] w = s.variable("w").toDoubleArray();
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(0.5 + 0.1 * i + 0.01 * j, w[i * 3 + j], 1e-15);
            }
        }
        SpikeMonitor a = run.spikes().get("A");
        run.network().run(2.5);
        // both A neurons spike in one step k (v > 1 after the step, v = 0.05 per step); from the next
        // step on, Euler decays g by (1 - dt/5 ms) per step until the run ends after step 24
        assertEquals(2, a.times().length);
        // w changes only on B's spikes, which the decaying v never fires: it stays at its initial values
        org.brainj.api.sim.SynapseMonitor m = run.synapseStates().get(0).monitor();
        assertEquals(5, m.values().length);
        for (double[] row : m.values()) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {w[0], w[4]}, row);
        }
        long k = Math.round(a.times()[0] / 0.1);
        double[] g = run.populations().get("B").group().variable("g").toDoubleArray();
        for (int j = 0; j < 3; j++) {
            double arrived = w[j] + w[3 + j];
            assertEquals(arrived * Math.pow(1 - 0.1 / 5, 24 - k), g[j], 1e-12, "g[" + j + "]");
        }
    }

    /** Per-synapse delays from an expression of j, and a clock-driven equation under method: exact. */
    private static final String DELAYED = """
            run: {duration: 5 ms, dt: 0.1 ms}
            populations:
              A:
                size: 2
                equations: |
                  dv/dt = 1 / (2*ms) : 1
                threshold: v > 1
                reset: v = -100
              B:
                size: 3
                equations: |
                  dg/dt = -g / (5*ms) : 1
            projections:
              S:
                pre: A
                post: B
                connector: All2All
                synapse:
                  model: |
                    dc/dt = -c / (10*ms) : 1
                  on_pre: |
                    c += 1
                    g_post += 1
                  delay: {pre: 'j * ms', post: 0.5 ms}
                  method: exact
            """;

    @Test
    void perSynapseDelaysAndTheMethodOfClockDrivenEquationsComeFromTheSpec() throws Exception {
        SpecRun run = load(DELAYED);
        SpikeMonitor a = run.spikes().get("A");
        run.network().run(run.settings().duration());
        assertEquals(2, a.times().length);
        long k = Math.round(a.times()[0] / 0.1);
        double[] c = run.synapses().get("S").variable("c").toDoubleArray();
        double[] g = run.populations().get("B").group().variable("g").toDoubleArray();
        for (int j = 0; j < 3; j++) {
            // synapse (i, j) delivers in step k + 10 j, after that step's update; 49 is the last step
            long after = 49 - (k + 10 * j);
            for (int i = 0; i < 2; i++) {
                assertEquals(Math.exp(-0.1 / 10 * after), c[i * 3 + j], 1e-12, "c of synapse (" + i + ", " + j + ")");
            }
            assertEquals(2 * Math.pow(1 - 0.1 / 5, after), g[j], 1e-12, "g[" + j + "]");
        }
    }

    @Test
    void anUnknownMethodIsOneLineAtItsKey() {
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> load(DELAYED.replace("method: exact", "method: rk5")));
        assertTrue(e.getMessage().startsWith("net.yaml:25:"), e.getMessage());
        assertTrue(e.getMessage().contains("rk5") && e.getMessage().contains("rk4"), e.getMessage());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> faults() {
        return java.util.stream.Stream.of(
                // an on_post reading an unknown variable: at its line and column in the file
                org.junit.jupiter.params.provider.Arguments.of(29, "        w = w + y",
                        "net.yaml:29:17: projections.S.synapse.on_post: undefined symbol 'y'; declare it in the equations or give"
                        + " it as a parameter. Defined: dt, g_post, t, tau, w, x"),
                // a (summed) target written twice
                org.junit.jupiter.params.provider.Arguments.of(24, "        I_gap_post = w * nA : amp (summed)\n"
                        + "        I_gap_post = w * nA : amp (summed)",
                        "net.yaml:25:9: projections.S.synapse.model: 'I_gap_post' is declared twice"),
                // an event-driven equation that is not linear
                org.junit.jupiter.params.provider.Arguments.of(24, "        dx/dt = -x * x / tau : 1 (event-driven)",
                        "net.yaml:24:9: projections.S.synapse.model: the event-driven equation dx/dt is not linear"),
                // a synapse variable of the wrong unit
                org.junit.jupiter.params.provider.Arguments.of(26, "        v_post += w",
                        "net.yaml:26:16: projections.S.synapse.on_pre: unit mismatch in the operands of +"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("faults")
    void badSynapseTextIsOneLineAtItsPlaceInTheFile(int line, String text, String expected) {
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> load(replaceLine(PAIR, line, text)));
        String message = e.getMessage();
        assertTrue(message.startsWith(expected), message);
        assertTrue(!message.contains("\n") && message.contains(";"), "one line with a fix: " + message);
    }
}
