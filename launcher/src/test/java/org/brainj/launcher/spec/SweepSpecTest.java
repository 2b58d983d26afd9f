package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.brainj.api.analysis.SpikeMeasures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep section read into points: values in the model's units, seeds per point, and one-line errors at the key. */
class SweepSpecTest {
    @TempDir
    Path dir;

    static final String NET = """
            run: {duration: 10 ms, seed: 5}
            populations:
              P:
                size: 4
                equations: |
                  dV/dt = (El - V + I) / tau : volt
                threshold: V > -50*mV
                reset: V = El
                parameters: {El: -60 mV, I: 20 mV, tau: 10 ms}
              L:
                size: 2
                model: LIF
            """;

    private SweepSpec read(String sweep) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), NET + sweep);
        SpecRun base = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        return SweepSpec.read(file, "net.yaml", base, Catalog.classpath(), ServiceLoader.load(SpikeMeasures.class).findFirst().orElseThrow());
    }

    @Test
    void aGridIsEveryCombinationInTheSpecsUnitsWithASeedPerPoint() throws Exception {
        SweepSpec s = read("""
                sweep:
                  grid:
                    populations.P.parameters.tau: [10 ms, 0.02 s]
                    populations.P.initial.V: [-60 mV, "uniform(-0.07 V, -60 mV)"]
                  repeat: 2
                """);
        assertEquals(8, s.points().size());
        assertEquals(List.of("populations.P.parameters.tau", "populations.P.initial.V"), s.keys());
        SweepSpec.Point last = s.points().get(7);
        assertEquals(new SweepSpec.Parameter("P", "tau", 20.0), last.settings().get(0), "0.02 s is 20 ms");
        assertEquals(1, last.repeat());
        for (int k = 0; k < 8; k++) {
            assertEquals(5 + k, s.points().get(k).seed(), "point k runs with run.seed + k");
        }
    }

    @Test
    void aRegisteredModelsParameterIsInItsCatalogsUnitAndSeedsMayBeListed() throws Exception {
        SweepSpec s = read("""
                sweep:
                  points:
                    - {populations.L.parameters.tau: 0.01 s, run.seed: 42}
                    - {populations.L.parameters.tau: 20 ms, run.seed: 7}
                """);
        assertEquals(List.of(42L, 7L), s.points().stream().map(SweepSpec.Point::seed).toList());
        assertEquals(new SweepSpec.Parameter("L", "tau", 10.0), s.points().get(0).settings().get(0));
    }

    @Test
    void badSweepsAreOneLineAtTheirKey() {
        String[][] cases = {
            {"{grd: {populations.P.parameters.tau: [1 ms]}}", "net.yaml:13: sweep.grd: unknown key 'grd'"},
            {"{grid: {populations.P.size: [3]}}", "cannot sweep 'populations.P.size'"},
            {"{grid: {populations.P.parameters.tau: [10 mV]}}",
                "net.yaml:13: sweep.grid.populations.P.parameters.tau[0]: '10 mV' is not parameter tau of P"},
            {"{grid: {populations.Q.parameters.tau: [10 ms]}}", "no population 'Q'; known: P, L"},
            {"{grid: {populations.P.parameters.taux: [10 ms]}}", "taux is not a parameter of P"},
            {"{grid: {populations.P.initial.W: [1 mV]}}", "W is not a state variable of P"},
            {"{grid: {run.seed: [1, 2]}, repeat: 2}", "sweep.repeat: the sweep gives the seeds"},
            {"{points: [{run.seed: 1}, {populations.P.parameters.tau: 1 ms}]}", "give every point the same keys"},
            {"{grid: {run.seed: [1]}, measures: [{name: coherence, population: P}]}",
                "unknown measure 'coherence'; known: cross_correlation"},
            {"{grid: {run.seed: [1]}, measures: [{name: cross_correlation, population: P}]}", "measure cross_correlation needs 'bin'"},
            {"{grid: {populations.P.parameters.tau: 10 ms}}", "give the values of 'populations.P.parameters.tau' as a list"},
        };
        for (String[] c : cases) {
            SpecException e = assertThrows(SpecException.class, () -> read("sweep: " + c[0] + "\n"), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aGeneratorHasNothingToSweep() throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 10 ms}
                populations:
                  G: {size: 2, generator: {type: poisson, rates: "10*Hz"}}
                sweep:
                  grid: {populations.G.parameters.rate: [5 Hz]}
                """);
        SpecRun base = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        SpecException e = assertThrows(SpecException.class, () -> SweepSpec.read(file, "net.yaml", base, Catalog.classpath(),
                ServiceLoader.load(SpikeMeasures.class).findFirst().orElseThrow()));
        assertTrue(e.getMessage().startsWith("net.yaml:5: sweep.grid.populations.G.parameters.rate[0]: "
                + "'populations.G.parameters.rate': G is a generator"), e.getMessage());
    }

    @Test
    void badInputSweepsAreOneLineAtTheirKey() throws Exception {
        String net = """
                run: {duration: 10 ms}
                populations:
                  P:
                    size: 2
                    equations: |
                      dV/dt = (I - V) / (10*ms) : volt
                      I : volt
                    inputs: [I]
                inputs:
                  - {target: P.I, value: 5 mV}
                sweep:
                """;
        String[][] cases = {
            {"{grid: {inputs.1.value: [1 mV]}}", "net.yaml:12: sweep.grid.inputs.1.value[0]: cannot sweep 'inputs.1.value'; write"
                + " inputs.K.KEY, K the entry's place in 'inputs:' from 0 (its inputs are [0: P.I])"},
            {"{grid: {inputs.0.amplitude: [1 mV]}}", "input 0 (P.I) gives the values [value]; sweep one of those"},
            {"{grid: {inputs.0.target: [P.V]}}", "input 0 (P.I) gives the values [value]"},
            {"{grid: {inputs.0.value: [1 ms]}}", "net.yaml:12: inputs[0].value: "},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("net.yaml"), net + "  " + c[0].substring(1, c[0].length() - 1) + "\n");
            SpecRun base = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
            SpecException e = assertThrows(SpecException.class, () -> SweepSpec.read(file, "net.yaml", base, Catalog.classpath(),
                    ServiceLoader.load(SpikeMeasures.class).findFirst().orElseThrow()), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
