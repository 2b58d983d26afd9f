package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainj.api.analysis.AnalysisJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysis specs: read into jobs, and each mistake reported at its file:line:key with the fix. */
class AnalysisSpecTest {
    static final String FHN = """
            analysis: phase_plane
            equations: |
              dV/dt = V - V*V*V/3 - w + Iext : 1
              dw/dt = (V + a - b*w) / tau : 1
            parameters: {a: 0.7, b: 0.8, tau: 12.5, Iext: 0.8}
            """;

    @TempDir
    Path dir;

    /** The message for {@code spec}; line 6 is the first line after {@link #FHN}. */
    private String error(String spec) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), spec);
        return assertThrows(SpecException.class, () -> AnalysisSpec.load(file, "bad.yaml", Catalog.classpath())).getMessage();
    }

    @Test
    void readsThePhasePlaneExample() {
        AnalysisJob job = AnalysisSpec.load(Path.of("..", "examples", "analysis", "fhn_phase_plane.yaml"), "fhn_phase_plane.yaml",
                Catalog.classpath());
        assertEquals(AnalysisJob.Kind.PHASE_PLANE, job.kind());
        assertEquals(java.util.List.of("V", "w"), java.util.List.copyOf(job.targetVars().keySet()));
        assertEquals(0.8, job.values().get("Iext"));
        assertEquals(-2.8, job.trajectories().get(0).get("V"));
    }

    @Test
    void aRegisteredModelIsAnalysedByNameWithItsDefaultsAndItsInputsGiven() throws IOException {
        AnalysisJob job = AnalysisSpec.load(Path.of("..", "examples", "analysis", "fhn_registered_model.yaml"),
                "fhn_registered_model.yaml", Catalog.classpath());
        // FHN.model's defaults (BrainPy's FHN), its drive as given, its synaptic current 0
        assertEquals(0.7, job.values().get("a"));
        assertEquals(12.5, job.values().get("tau"));
        assertEquals(0.8, job.values().get("input"));
        assertEquals(0.0, job.values().get("I_syn"));
        assertEquals(java.util.List.of("V", "w"), job.system().variables());
        assertEquals("bad.yaml:4: parameters.Iext: model FHN has no parameter or input 'Iext'; its parameters are a, b,"
                + " tau, V_th, its equations also read input, I_syn, a, b, tau",
                error("analysis: phase_plane\nmodel: FHN\nparameters:\n  Iext: 0.8\ntarget_vars: {V: [-3, 3], w: [-3, 3]}\n"));
    }

    @Test
    void aRangeWithMinNotBelowMax() throws IOException {
        assertEquals("bad.yaml:7: target_vars.V: the range [3, -3] has min >= max; give [min, max] with min < max",
                error(FHN + "target_vars:\n  V: [3, -3]\n  w: [-3, 3]\n"));
    }

    @Test
    void aTargetVariableNotInTheEquations() throws IOException {
        assertEquals("bad.yaml:8: target_vars.u: 'u' is not a state variable of the equations; name one of V, w",
                error(FHN + "target_vars:\n  V: [-3, 3]\n  u: [-3, 3]\n"));
    }

    @Test
    void threeTargetVariablesForAPhasePlane() throws IOException {
        String spec = """
                analysis: phase_plane
                equations: |
                  dx/dt = y - x : 1
                  dy/dt = z - y : 1
                  dz/dt = x - z : 1
                target_vars: {x: [-1, 1], y: [-1, 1], z: [-1, 1]}
                """;
        assertEquals("bad.yaml:6: target_vars: a phase plane has one or two target variables, got 3 (x, y, z); keep two"
                + " and give the others a value in fixed_vars", error(spec));
    }

    @Test
    void anUnknownAnalysisAndAMissingValue() throws IOException {
        assertEquals("bad.yaml:1: analysis: unknown analysis 'phase_portrait'; the analyses are phase_plane, bifurcation,"
                + " fast_slow", error(FHN.replace("phase_plane", "phase_portrait") + "target_vars: {V: [-3, 3], w: [-3, 3]}\n"));
        assertEquals("bad.yaml:1: no value for tau; give parameters under 'parameters:' and state variables that are not"
                + " analysed under 'fixed_vars:'", error(FHN.replace(", tau: 12.5", "") + "target_vars: {V: [-3, 3], w: [-3, 3]}\n"));
    }
}
