package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin (examples/plugin-model, built against the API alone) dropped into the
 * plugin folder of a running platform: its neuron and synapse models appear, a spec uses the
 * neuron, and removing the jar withdraws both.
 */
class PluginIT {
    private static final String MODEL = "ResonateAndFire";
    private static final String SYNAPSE = "Saturating";

    @TempDir
    Path dir;

    private static boolean listed(Platform platform) {
        return ServiceListing.of(platform.context()).models().stream().anyMatch(e -> e.name().equals(MODEL));
    }

    private static boolean synapseListed(Platform platform) {
        return ServiceListing.of(platform.context()).synapses().stream().anyMatch(e -> e.name().equals(SYNAPSE));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out waiting until " + what);
            Thread.sleep(50);
        }
    }

    @Test
    void aPluginDroppedInIsUsableAndLeavesWhenRemoved() throws Exception {
        Path jar = Path.of(System.getProperty("brainj.example.plugin"));
        assertTrue(Files.isRegularFile(jar), "the example plugin is built first: " + jar);
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Path spec = Files.writeString(dir.resolve("rf.yaml"), """
                run: {duration: 20 ms, dt: 0.001 ms}
                populations:
                  R:
                    size: 1
                    model: ResonateAndFire
                    parameters: {b: -0.05 1/ms, omega: 0.25 1/ms}
                    initial: {x: 1 mV}
                monitors:
                  state:
                    - {population: R, variable: x, period: 1 ms}
                """);
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            assertEquals(List.of(), platform.problems());
            assertFalse(listed(platform));

            // dropped in whole (a rename), as a finished download or copy lands
            Path part = Files.copy(jar, dir.resolve("rf.jar.part"));
            Files.move(part, plugins.resolve("rf.jar"), StandardCopyOption.ATOMIC_MOVE);
            await("the model is registered", () -> listed(platform));
            await("the synapse model is registered", () -> synapseListed(platform));
            // its services are got under the plugins' time limit, the shipped bundles' directly
            List<String> notShipped = Arrays.stream(platform.context().getBundles()).filter(b -> !Platform.shipped(b))
                    .map(Bundle::getLocation).toList();
            assertEquals(List.of(plugins.resolve("rf.jar").toUri().toString()), notShipped);

            SpecRun run = SpecLoader.load(spec, "rf.yaml", RunSettings.Overrides.NONE, new RegistryCatalog(platform));
            run.network().run(run.settings().duration());
            double[][] x = run.states().get(0).monitor().values();
            double[] t = run.states().get(0).monitor().times();
            assertEquals(20, t.length);
            for (int k = 0; k < t.length; k++) {
                // z' = (b + i omega) z from z(0) = 1: x = e^(b t) cos(omega t); forward Euler at dt = 0.001 ms
                // grows the amplitude by at most e^(omega^2 dt t / 2) - 1 < 1e-3 over 20 ms
                assertEquals(Math.exp(-0.05 * t[k]) * Math.cos(0.25 * t[k]), x[k][0], 2e-3, "t = " + t[k]);
            }

            Files.delete(plugins.resolve("rf.jar"));
            await("the model is withdrawn", () -> !listed(platform));
            await("the synapse model is withdrawn", () -> !synapseListed(platform));
        }
    }
}
