package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.SpikeMonitor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every neuron model of the catalog from a spec file, by name only: at the dt its file names and
 * under a Poisson drive onto its membrane, it runs 200 ms at its own method without diverging
 * (the runtime stops at the first non-finite value) and fires.
 */
class CatalogSpecTest {
    /** The spike sources have no membrane to drive. */
    private static final Set<String> SOURCES = Set.of("PoissonGroup", "poisson_generator", "SpikeTimeGroup");

    @TempDir
    Path dir;

    static List<String> models() {
        return Catalog.classpath().models().stream().map(NeuronModelFactory::name).filter(n -> !SOURCES.contains(n))
                .sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("models")
    void runsFromASpecAtItsDefaults(String model) throws Exception {
        double dt = Catalog.classpath().model(model).dt();
        // a strong drive in the membrane's own unit: 20 mV per ms on average for the models in mV, 2 per ms for the dimensionless
        String weight = Set.of("FHN", "HindmarshRose").contains(model) ? "0.2" : "2 mV";
        Path spec = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 200 ms, dt: %s ms}
                populations:
                  P:
                    size: 2
                    model: %s
                    poisson_input: {rate: 10 kHz, weight: %s}
                monitors:
                  spikes: [P]
                """.formatted(dt, model, weight));
        SpecRun run = SpecLoader.load(spec, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        SpikeMonitor spikes = run.spikes().get("P");
        run.network().run(run.settings().duration());
        assertTrue(spikes.count() > 0, model + " fired no spike");
    }
}
