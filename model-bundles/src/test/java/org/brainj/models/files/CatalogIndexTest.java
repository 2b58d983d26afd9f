package org.brainj.models.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.junit.jupiter.api.Test;

/**
 * The index the build writes of the catalog's model files ({@link CatalogIndex}) against the files
 * themselves: an index older than a file, or one that leaves a file out, fails the build here; and
 * the services registered from it are the files' models, read at first use, once.
 */
class CatalogIndexTest {
    /** The catalog's files as written, not as the build copied them. */
    private static final Path SOURCES = Path.of("src", "main", "resources", ClasspathModels.FOLDER);

    @Test
    void theIndexTheBuildWroteIsWhatParsingEveryFileGives() throws IOException {
        Map<String, String> files = sources();
        List<CatalogIndex.Entry> parsed = CatalogIndex.of(files, e -> {
            throw e;
        });
        assertEquals(parsed, built(), "the index is not what the model files say: rebuild the catalog (mvn package"
                + " writes it, in process-classes)");
        assertEquals(files.keySet(), parsed.stream().map(CatalogIndex.Entry::file).collect(Collectors.toSet()),
                "every file registers something");
        // 'brainj list' shows these: the same properties the extender registered when it parsed the files at start
        CatalogIndex.Entry lif = parsed.stream().filter(e -> e.name().equals("LIF")).findFirst().orElseThrow();
        assertEquals(Map.of("model.name", "LIF", "model.method", "exponential_euler", "model.dt", "0.1 ms",
                "model.reference", lif.properties().get("model.reference")), lif.properties());
    }

    @Test
    void writingAndReadingKeepsEveryEntryInOrder() throws IOException {
        List<CatalogIndex.Entry> entries = List.of(
                new CatalogIndex.Entry(CatalogIndex.Kind.OUTPUT, "b.output", Map.of("output.name", "B")),
                new CatalogIndex.Entry(CatalogIndex.Kind.MODEL, "a.model", Map.of("model.name", "A",
                        "model.reference", "# not a comment: a=b, x:y \\ \u00b5S \u2013 Brette & Gerstner (2005)")));
        String text = CatalogIndex.write(entries);
        assertTrue(text.chars().allMatch(c -> c < 128), text);
        assertEquals(entries, CatalogIndex.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
        assertEquals(text, CatalogIndex.write(entries), "the same entries, the same text (no date)");
    }

    @Test
    void theServicesOfTheIndexAreTheFilesModelsReadAtFirstUse() throws IOException {
        Map<String, String> files = sources();
        Map<String, Object> parsed = new TreeMap<>();
        ModelFiles.models(files, ModelFiles.Compile.ON_FIRST_USE, e -> { throw e; }).forEach(m -> parsed.put(m.name(), m));
        ModelFiles.synapses(files, ModelFiles.Compile.ON_FIRST_USE, e -> { throw e; }).forEach(s -> parsed.put(s.name(), s));
        ModelFiles.outputs(files, ModelFiles.Compile.ON_FIRST_USE, e -> { throw e; }).forEach(o -> parsed.put(o.name(), o));
        AtomicInteger reads = new AtomicInteger();
        for (CatalogIndex.Entry entry : built()) {
            Supplier<String> text = () -> {
                reads.incrementAndGet();
                return files.get(entry.file());
            };
            Object service = ModelFileExtender.onFirstUse(entry, text);
            assertTrue(entry.kind().service.isInstance(service), entry.toString());
            int before = reads.get();
            Object file = parsed.get(entry.name());
            if (service instanceof NeuronModelFactory m) {
                NeuronModelFactory f = (NeuronModelFactory) file;
                assertEquals(f.name(), m.name());
                assertEquals(before, reads.get(), "the name is the index's: " + entry);
                assertEquals(f.parameters(), m.parameters());
                assertEquals(f.method(), m.method());
                assertEquals(f.dt(), m.dt(), 0);
                // the model made: its equations and parameter values (initial values are functions, not compared)
                assertEquals(f.create(Map.of()).derivatives(), m.create(Map.of()).derivatives(), entry.name());
                assertEquals(f.create(Map.of()).parameters(), m.create(Map.of()).parameters(), entry.name());
            } else if (service instanceof SynapseModelFactory s) {
                SynapseModelFactory f = (SynapseModelFactory) file;
                assertEquals(f.name(), s.name());
                assertEquals(before, reads.get(), "the name is the index's: " + entry);
                assertEquals(f.parameters(), s.parameters());
                assertEquals(f.target(), s.target());
                assertEquals(f.membrane(), s.membrane());
                assertEquals(f.summed(), s.summed());
            } else {
                OutputModelFactory o = (OutputModelFactory) service;
                OutputModelFactory f = (OutputModelFactory) file;
                assertEquals(f.name(), o.name());
                assertEquals(before, reads.get(), "the name is the index's: " + entry);
                assertEquals(f.parameters(), o.parameters());
                assertEquals(f.conductance(), o.conductance());
            }
            assertEquals(before + 1, reads.get(), "its file read once: " + entry);
        }
    }

    @Test
    void anIndexOlderThanItsFileSaysSoWhenTheModelIsUsed() {
        CatalogIndex.Entry stale = new CatalogIndex.Entry(CatalogIndex.Kind.MODEL, "Leaky.model", Map.of("model.name", "Leak"));
        NeuronModelFactory model = (NeuronModelFactory) ModelFileExtender.onFirstUse(stale, () -> ModelFileTest.GOOD);
        assertEquals("Leak", model.name());
        IllegalStateException e = assertThrows(IllegalStateException.class, model::parameters);
        assertTrue(e.getMessage().contains("names model 'Leak' in Leaky.model, which defines [Leaky]: the index is older"
                + " than the file; rebuild the catalog"), e.getMessage());
    }

    /** The index the build wrote, as the catalog's bundle and jar hold it. */
    private static List<CatalogIndex.Entry> built() throws IOException {
        try (InputStream in = CatalogIndex.class.getResourceAsStream("/" + ClasspathModels.FOLDER + "/" + CatalogIndex.FILE)) {
            assertNotNull(in, "no " + CatalogIndex.FILE + " among the built classes: the build's exec:java writes it");
            return CatalogIndex.read(in);
        }
    }

    private static Map<String, String> sources() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(SOURCES)) {
            for (Path f : list.filter(f -> ModelFiles.isModelFile(f.getFileName().toString())).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertTrue(!files.isEmpty(), "no model files in " + SOURCES.toAbsolutePath());
        return files;
    }
}
