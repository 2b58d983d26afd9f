package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The synapse library inside the platform: the catalog bundle's extender registers every
 * {@code .synapse} file of its folder as a service with {@code synapse.name}, {@code brainj list}
 * shows each with its parameters (the outputs too), and a spec picks one by name through the registry.
 */
class SynapseLibraryIT {
    @TempDir
    Path dir;

    @Test
    void everySynapseFileIsAServiceThatListsItsParametersAndRunsFromASpec() throws Exception {
        List<String> files;
        try (Stream<Path> list = Files.list(Path.of("..", "model-bundles", "src", "main", "resources", "models"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".synapse"))
                    .map(n -> n.substring(0, n.length() - ".synapse".length())).sorted().toList();
        }
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            ServiceListing listing = ServiceListing.of(platform.context());
            assertEquals(files, listing.synapses().stream().map(ServiceListing.Entry::name).sorted().toList());
            ServiceListing.Entry stdp = listing.synapses().stream().filter(e -> e.name().equals("STDP")).findFirst().orElseThrow();
            assertTrue(stdp.description().contains("taupre (ms, default 20)"), stdp.description());
            assertTrue(listing.format().contains("Synapse models:\n  AMPA: parameters alpha (1/(mM*ms), default 0.98)"),
                    listing.format());
            assertEquals(List.of("COBA", "CUBA", "MgBlock"), listing.outputs().stream().map(ServiceListing.Entry::name).toList());
            assertTrue(listing.format().contains("Synaptic outputs:\n  COBA: parameters E (mV, default 0)"), listing.format());

            Path spec = Files.writeString(dir.resolve("stdp.yaml"), Files.readString(Path.of("..", "examples",
                    "stdp_library.yaml")).replace("duration: 100 s", "duration: 200 ms"));
            SpecRun run = SpecLoader.load(spec, "stdp.yaml", RunSettings.Overrides.NONE, new RegistryCatalog(platform));
            run.network().run(run.settings().duration());
            double[] w = run.synapses().get("S").variable("w").toDoubleArray();
            assertEquals(1000, w.length);
            assertTrue(java.util.Arrays.stream(w).allMatch(x -> x >= 0 && x <= 0.01));
        }
    }

    /**
     * cuba.yaml with the library's Exponential onto the neurons' synaptic current, through the
     * registry: each projection runs as a channel fused into the group's step, and the network
     * fires at Brian2 2.5.1's CUBA rates (E 5.51-5.86 Hz, I 5.62-5.66 Hz over seeds 1-4; one seed
     * of a 1 s run scatters within the bounds RunCommandIT gives cuba.yaml).
     */
    @Test
    void theCubaNetworkOnLibrarySynapsesFiresAtBrian2sRates() throws Exception {
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            Path spec = Path.of("..", "examples", "cuba_library.yaml");
            SpecRun run = SpecLoader.load(spec, "cuba_library.yaml", RunSettings.Overrides.NONE,
                    new RegistryCatalog(platform));
            run.network().run(run.settings().duration());
            for (String projection : List.of("Ce", "Ci")) {
                assertTrue(run.synapses().get(projection).usesAlignPost() && run.synapses().get(projection).isMerged(),
                        projection + " runs as a channel of P");
            }
            int[] counts = run.spikes().get("P").counts();
            double e = java.util.Arrays.stream(counts, 0, 3200).sum() / 3200.0;
            double i = java.util.Arrays.stream(counts, 3200, 4000).sum() / 800.0;
            assertTrue(e > 4.9 && e < 6.4, "E at " + e + " Hz");
            assertTrue(i > 4.9 && i < 6.4, "I at " + i + " Hz");
        }
    }
}
