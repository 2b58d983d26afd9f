package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainj analyze} on each example in examples/analysis, on the embedded platform, checked against hand calculations. */
class AnalyzeCommandIT {
    private static final Path EXAMPLES = Path.of("..", "examples", "analysis");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    /** Runs the example and returns its analysis.json, after checking the pictures were written. */
    private String analyze(String example, String... pictures) throws Exception {
        Path outDir = dir.resolve(example);
        int rc = BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), "analyze",
                EXAMPLES.resolve(example + ".yaml").toString(), "--out", outDir.toString());
        assertEquals(0, rc, err.toString());
        for (String p : pictures) {
            assertTrue(Files.size(outDir.resolve(p + ".png")) > 10_000, p);
            assertTrue(Files.size(outDir.resolve(p + ".svg")) > 10_000, p);
        }
        return Files.readString(outDir.resolve("analysis.json"));
    }

    private static List<Double> numbers(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        List<Double> found = new ArrayList<>();
        while (m.find()) {
            found.add(Double.parseDouble(m.group(1)));
        }
        return found;
    }

    @Test
    void fitzHughNagumoPhasePlaneHasTheReferencesUnstableNode() throws Exception {
        String json = analyze("fhn_phase_plane", "phase_plane");
        // the reference prints: Fixed point #1 at V=-0.27290095899729705, w=0.5338738012533786 is a unstable node.
        List<Double> v = numbers(json, "\\{\"values\": \\{\"V\": ([-0-9.Ee]+), \"w\": [-0-9.Ee]+}, \"stability\": \"unstable node\"");
        assertEquals(1, v.size(), json.substring(0, 300));
        assertEquals(-0.27290095899729705, v.get(0), 1e-10);
        assertEquals(1, numbers(json, "\\{\"period\": ([0-9.Ee]+)").size(), "one limit cycle");
    }

    @Test
    void theRegisteredFhnModelByNameHasTheReferencesUnstableNode() throws Exception {
        String json = analyze("fhn_registered_model", "phase_plane");
        // the same fixed point as the reference's FitzHugh-Nagumo: the catalog's FHN with its drive at 0.8
        List<Double> v = numbers(json, "\\{\"values\": \\{\"V\": ([-0-9.Ee]+), \"w\": [-0-9.Ee]+}, \"stability\": \"unstable node\"");
        assertEquals(1, v.size(), json.substring(0, 300));
        assertEquals(-0.27290095899729705, v.get(0), 1e-10);
    }

    @Test
    void fitzHughNagumoHopfPointInIext() throws Exception {
        String json = analyze("fhn_bifurcation_iext", "bifurcation_V", "bifurcation_w");
        // trace of J = 1 - V^2 - b/tau = 0 at V = -sqrt(1 - b/tau); Iext = (V + a)/b - V + V^3/3 there
        double v = -Math.sqrt(1 - 0.8 / 12.5);
        double hopf = (v + 0.7) / 0.8 - v + v * v * v / 3;
        List<Double> found = numbers(json, "\\{\"kind\": \"hopf\", \"parameters\": \\[([-0-9.Ee]+)]");
        assertEquals(1, found.size());
        assertEquals(hopf, found.get(0), 1e-8);
        assertTrue(!numbers(json, "\\{\"parameter\": ([0-9.Ee]+), \"period\"").isEmpty(), "limit cycles past the Hopf point");
    }

    @Test
    void fitzHughNagumoTwoParameterHopfCurve() throws Exception {
        String json = analyze("fhn_bifurcation_two", "bifurcation");
        // for each a, the Hopf point lies at Iext = (V + a)/b - V + V^3/3 with V = -sqrt(1 - b/tau), as above
        Matcher m = Pattern.compile("\\{\"kind\": \"hopf\", \"parameters\": \\[([-0-9.Ee]+), ([-0-9.Ee]+)]").matcher(json);
        int n = 0;
        double v = -Math.sqrt(1 - 0.8 / 12.5);
        while (m.find()) {
            double a = Double.parseDouble(m.group(1));
            assertEquals((v + a) / 0.8 - v + v * v * v / 3, Double.parseDouble(m.group(2)), 1e-8, "a = " + a);
            n++;
        }
        assertTrue(n >= 10, n + " Hopf points");
    }

    @Test
    void hindmarshRoseFastSlowSaddleNodes() throws Exception {
        String json = analyze("hindmarsh_rose_fast_slow", "fast_slow_x", "fast_slow_y");
        // fast fixed points: z = c + Isyn + (b - d) x^2 - a x^3; folds at x = 0 (z = 1.5) and x = -4/3 (z = 1.5 - 32/27)
        List<Double> folds = numbers(json, "\\{\"kind\": \"saddle-node\", \"parameters\": \\[([-0-9.Ee]+)]");
        assertEquals(2, folds.size(), folds.toString());
        assertEquals(1.5 - 32.0 / 27, folds.get(0), 1e-6);
        assertEquals(1.5, folds.get(1), 1e-6);
    }

    @Test
    void oneDimensionalFixedPointsAlternate() throws Exception {
        String json = analyze("one_dimensional", "phase_plane");
        // sin x = -1/2 in [-10, 10]: x = -pi/6 + 2 pi k (cos > 0: unstable) and 7 pi/6 + 2 pi k (cos < 0: stable)
        List<Double> stable = numbers(json, "\\{\"x\": ([-0-9.Ee]+)}, \"stability\": \"stable point\"");
        List<Double> unstable = numbers(json, "\\{\"x\": ([-0-9.Ee]+)}, \"stability\": \"unstable point\"");
        assertClose(List.of(7 * Math.PI / 6 - 4 * Math.PI, 7 * Math.PI / 6 - 2 * Math.PI, 7 * Math.PI / 6, 7 * Math.PI / 6 + 2 * Math.PI),
                stable.stream().sorted().toList(), 1e-9);
        assertEquals(3, unstable.size());
        for (double x : unstable) {
            assertEquals(-0.5, Math.sin(x), 1e-9);
            assertTrue(Math.cos(x) > 0);
        }
    }

    @Test
    void morrisLecarWithUnitsFindsTheSaddleNodeAtTheirCurrentInCoherentUnits() throws Exception {
        String json = analyze("morris_lecar_units", "bifurcation_V", "bifurcation_w");
        // the fold is the knee of I_ss(V) = gL(V - VL) + gK w_inf(V)(V - VK) + gCa m_inf(V)(V - VCa), in uA/cm^2
        // for V in mV: a local maximum on [-40, -20] mV, found by golden-section search
        java.util.function.DoubleUnaryOperator iss = v -> 2 * (v + 60)
                + 8 * 0.5 * (1 + Math.tanh((v - 12) / 17.4)) * (v + 84) + 4 * 0.5 * (1 + Math.tanh((v + 1.2) / 18)) * (v - 120);
        double lo = -40;
        double hi = -20;
        double g = (Math.sqrt(5) - 1) / 2;
        while (hi - lo > 1e-10) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (iss.applyAsDouble(a) > iss.applyAsDouble(b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        List<Double> folds = numbers(json, "\\{\"kind\": \"saddle-node\", \"parameters\": \\[([-0-9.Ee]+)]");
        assertEquals(1, folds.size(), json.substring(0, 300));
        // 1 uA/cm^2 is 1000 nA/cm^2, the coherent unit of current density
        assertEquals(1000 * iss.applyAsDouble(lo), folds.get(0), 1e-3);
        assertTrue(json.contains("\"units\": {"), json.substring(0, 300));
        assertTrue(json.contains("\"I\": \"nA/cm^2\"") && json.contains("\"V\": \"mV\""), json.substring(0, 400));
    }

    private static void assertClose(List<Double> expected, List<Double> actual, double tolerance) {
        org.junit.jupiter.api.Assertions.assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            org.junit.jupiter.api.Assertions.assertEquals(expected.get(i), actual.get(i), tolerance, actual.toString());
        }
    }
}
