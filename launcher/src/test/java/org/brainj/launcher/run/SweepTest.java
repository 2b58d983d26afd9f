package org.brainj.launcher.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.launcher.output.ProgressBar;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.spec.Catalog;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference's repeat-mode search (HH gamma network, g_max from 0.05/100 to 0.15/100, the
 * coherence {@code cross_correlation} with 0.5 ms bins) as a spec sweep on one network.
 */
class SweepTest {
    static final Path HH_GAMMA = Path.of("..", "examples", "hh_gamma.yaml");

    @TempDir
    Path dir;

    record Sweep(SpecRun base, SweepSpec spec, SweepPoints points, SweepTable table) {
    }

    static SpikeMeasures measures() {
        return ServiceLoader.load(SpikeMeasures.class).findFirst().orElseThrow();
    }

    static Sweep sweep(Path spec, RunSettings.Overrides overrides, Path out) {
        SpecRun base = SpecLoader.load(spec, spec.toString(), overrides, Catalog.classpath());
        SweepSpec sweep = SweepSpec.read(spec, spec.toString(), base, Catalog.classpath(), measures());
        SweepTable table = SweepTable.open(out, spec.toString(), sweep);
        return new Sweep(base, sweep, new SweepPoints(spec.toString(), base, sweep, measures(), out), table);
    }

    static final BackendSource CPU = BackendSource.classpath();

    static String run(Sweep s, ProgressListener bar) {
        return LocalSweep.run(s.spec(), s.points(), s.table(), CPU, bar, new PrintWriter(new StringWriter()));
    }

    /**
     * Wang and Buzsaki (1996), which the reference's example reproduces and plots: stronger
     * inhibition synchronises the network, so the coherence rises with g_max, from near chance
     * (about 0.05 for independent neurons at these rates) at 0.05/100 to well above at 0.15/100.
     * The network is compiled once for all eleven points, as the reference's log shows
     * ("Compilation used 0.0000 s" after the first).
     */
    @Test
    void coherenceRisesWithGmaxOnOneCompiledNetwork() throws Exception {
        Sweep s = sweep(HH_GAMMA, RunSettings.Overrides.NONE, dir);
        assertEquals(RunReport.COMPLETED, run(s, (f, t) -> { }));
        List<SweepTable.Row> rows = s.table().rows();
        assertEquals(11, rows.size());
        assertEquals(1, s.points().compilations(), "one kernel, compiled at the build, for every point");
        double[] cc = rows.stream().mapToDouble(r -> r.measures().get("HH.cross_correlation")).toArray();
        double[] g = rows.stream().mapToDouble(r -> Double.parseDouble(r.values().get("populations.HH.parameters.g_max"))).toArray();
        assertTrue(cc[0] < 0.15, "weak inhibition: coherence " + cc[0]);
        assertTrue(cc[10] > cc[0] + 0.2, "coherence " + cc[10] + " at strong vs " + cc[0] + " at weak inhibition");
        assertTrue(rankCorrelation(g, cc) > 0.8, "coherence against g_max: " + java.util.Arrays.toString(cc));
        for (SweepTable.Row r : rows) {
            assertEquals(1 + r.index(), r.seed(), "point k runs with seed run.seed + k");
            assertTrue(Files.exists(dir.resolve(r.folder()).resolve("spikes_HH.npy")));
        }
        String csv = Files.readString(dir.resolve("points.csv"));
        assertTrue(csv.startsWith("index,folder,repeat,seed,populations.HH.parameters.g_max,status,wall_time_s,HH.rate_hz,"
                + "HH.cross_correlation\n"), csv);
        assertTrue(Files.size(dir.resolve("HH.cross_correlation.png")) > 1000);
        try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(dir.resolve("points.h5"))) {
            assertArrayEquals(cc, (double[]) h5.getDatasetByPath("/points/HH.cross_correlation").getData(), 0.0);
            assertArrayEquals(g, (double[]) h5.getDatasetByPath("/points/populations.HH.parameters.g_max").getData(), 0.0);
        }
    }

    /** Spearman's rank correlation (no ties in x). */
    static double rankCorrelation(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double n = x.length;
        double d2 = 0;
        for (int i = 0; i < x.length; i++) {
            d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        return 1 - 6 * d2 / (n * (n * n - 1));
    }

    private static double[] ranks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (double w : v) {
                r[i] += w < v[i] ? 1 : 0;
            }
        }
        return r;
    }

    /**
     * A point is the spec run alone with the point's values and seed: the same spikes, bit for
     * bit, as a network loaded from a copy of the spec with that g_max, run with --seed.
     */
    @Test
    void aPointIsTheSpecRunAloneWithItsValuesAndSeed() throws Exception {
        RunSettings.Overrides shorter = new RunSettings.Overrides(100.0, null, null, null);
        Sweep s = sweep(HH_GAMMA, shorter, dir.resolve("sweep"));
        assertEquals(RunReport.COMPLETED, run(s, (f, t) -> { }));
        SweepSpec.Point p = s.spec().points().get(7);
        String yaml = Files.readString(HH_GAMMA).replace("g_max: 0.001 ", "g_max: " + p.values().get("populations.HH.parameters.g_max") + " ");
        Path alone = Files.writeString(dir.resolve("alone.yaml"), yaml);
        SpecRun run = SpecLoader.load(alone, "alone.yaml", new RunSettings.Overrides(100.0, null, p.seed(), null), Catalog.classpath());
        run.network().run(100);
        SpikeMonitor m = run.spikes().get("HH");
        double[] expected = pairs(m.times(), m.indices());
        assertTrue(expected.length > 100, expected.length / 2 + " spikes");
        double[] swept = npyData(Files.readAllBytes(dir.resolve("sweep").resolve(p.folder()).resolve("spikes_HH.npy")));
        assertArrayEquals(expected, swept, 0.0);
    }

    /** The float64 data of an .npy file of any shape, in C order (NPY format 1.0: a 10-byte preamble, then the header). */
    static double[] npyData(byte[] file) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int start = 10 + (b.getShort(8) & 0xFFFF);
        double[] data = new double[(file.length - start) / 8];
        for (int k = 0; k < data.length; k++) {
            data[k] = b.getDouble(start + 8 * k);
        }
        return data;
    }

    private static double[] pairs(double[] t, int[] i) {
        double[] flat = new double[2 * t.length];
        for (int k = 0; k < t.length; k++) {
            flat[2 * k] = t[k];
            flat[2 * k + 1] = i[k];
        }
        return flat;
    }

    /**
     * Ctrl-C in the fourth point stops the sweep with three points done; the same command again
     * runs the rest only, and the table ends as an uninterrupted sweep's.
     */
    @Test
    void anInterruptedSweepResumesWhereItStopped() throws Exception {
        RunSettings.Overrides shorter = new RunSettings.Overrides(20.0, null, null, null);
        Path out = dir.resolve("resumed");
        Sweep first = sweep(HH_GAMMA, shorter, out);
        boolean[] pressed = {false};
        ProgressBar bar = new ProgressBar(new PrintWriter(java.io.Writer.nullWriter()), false, () -> pressed[0]);
        ProgressListener ctrlC = (f, t) -> {
            pressed[0] = f > 3.5 / 11;
            bar.progress(f, t);
        };
        assertEquals(RunReport.INTERRUPTED, run(first, ctrlC));
        assertEquals(3, first.table().rows().size());
        Sweep again = sweep(HH_GAMMA, shorter, out);
        StringWriter said = new StringWriter();
        assertEquals(RunReport.COMPLETED, LocalSweep.run(again.spec(), again.points(), again.table(), CPU, (f, t) -> { },
                new PrintWriter(said)));
        assertTrue(said.toString().startsWith("resuming: 3 of 11 points completed earlier"), said.toString());
        BrainJException longer = assertThrows(BrainJException.class,
                () -> sweep(HH_GAMMA, new RunSettings.Overrides(30.0, null, null, null), out));
        assertTrue(longer.getMessage().endsWith("ran its points for 20 ms at dt = 0.04 ms, this one for 30 ms at dt = 0.04 ms; give"
                + " the same --duration to resume it, or another folder with --out DIR"), longer.getMessage());
        Sweep whole = sweep(HH_GAMMA, shorter, dir.resolve("whole"));
        run(whole, (f, t) -> { });
        assertEquals(whole.table().rows().stream().map(r -> r.measures()).toList(),
                again.table().rows().stream().map(r -> r.measures()).toList());
    }

    /**
     * A sweep over an input's value (inputs.0.value) on one compiled network: each point's spike
     * count is the closed form of a LIF neuron under constant current, one spike after
     * T = tau ln(RI / (RI - (V_th - E_L))) and then one per refractory period plus T.
     */
    @Test
    void anInputsValueIsSweptOnOneCompiledNetworkAndEachPointFiresAtTheClosedFormRate() throws Exception {
        Path spec = Files.writeString(dir.resolve("lif.yaml"), """
                run: {duration: 500 ms, dt: 0.01 ms, seed: 1}
                populations:
                  N:
                    size: 1
                    equations: |
                      dV/dt = (E_L - V + R*I) / tau : volt (unless refractory)
                      I : amp
                    threshold: V > V_th
                    reset: V = E_L
                    refractory: 2 ms
                    inputs: [I]
                    parameters: {E_L: -65 mV, R: 100 Mohm, tau: 10 ms, V_th: -50 mV}
                    initial: {V: -65 mV}
                inputs:
                  - {target: N.I, value: 0.1 nA, op: "="}
                monitors: {spikes: [N]}
                sweep:
                  grid:
                    inputs.0.value: [0.2 nA, 300 pA, 0.5 nA]
                """);
        Sweep s = sweep(spec, RunSettings.Overrides.NONE, dir.resolve("out"));
        int built = s.points().compilations();
        assertEquals(RunReport.COMPLETED, run(s, (f, t) -> { }));
        assertEquals(built, s.points().compilations(), "no kernel compiled for any point");
        double[] currents = {0.2, 0.3, 0.5};
        for (int k = 0; k < currents.length; k++) {
            double drive = 100 * currents[k]; // mV: R I
            double toThreshold = 10 * Math.log(drive / (drive - 15));
            double expected = Math.floor((500 - toThreshold) / (2 + toThreshold)) + 1;
            double count = s.table().rows().get(k).rates().get("N.rate_hz") * 0.5;
            assertEquals(expected, count, 1.0, "spikes at " + currents[k] + " nA");
        }
    }
}
