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
import java.util.stream.Stream;
import org.brainj.api.model.InputKinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code brainj list} on the assembled platform lists every file of the catalog's model folder
 * under its name (and its aliases) in the section of its kind, with every parameter the file
 * declares, in the unit the file writes it in: read here from the file's text line by line, not
 * through the catalog's own parser, so the OSGi registration and the listing lose nothing; and
 * every input and generator kind the spec reader's switches build (read from their source) with
 * its parameters and units.
 */
class CatalogListIT {
    private static final Path FOLDER = Path.of("../model-bundles/src/main/resources/models");
    /** {@code    tau: 10 ms    # meaning}: a parameter, its default and the unit after it. */
    private static final Pattern PARAMETER = Pattern.compile(" {4}(\\w+):\\s*(\\S+)\\s*([^#]*?)\\s*(#.*)?");
    private static String listing;

    @BeforeAll
    static void list() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), "list"), err.toString());
        listing = out.toString();
    }

    static Stream<Path> files() throws Exception {
        return Files.list(FOLDER).filter(p -> p.toString().matches(".*\\.(model|synapse|output)")).sorted();
    }

    /** The "  NAME: description" line of {@code name} in the section titled {@code title}. */
    private static String entry(String title, String name) {
        String current = null;
        for (String l : listing.lines().toList()) {
            if (!l.startsWith(" ")) {
                current = l;
            } else if ((title + ":").equals(current) && l.startsWith("  " + name + ": ")) {
                return l;
            }
        }
        throw new AssertionError(name + " is not listed under " + title + ":\n" + listing);
    }

    /** The kinds the spec reader's switches build ({@code case "dc_generator" ->}), read from their source. */
    static Stream<String> readerKinds() throws Exception {
        Pattern kind = Pattern.compile("\"(\\w+)\"");
        List<String> kinds = new ArrayList<>();
        for (String source : List.of("InputSpec.java", "GeneratorSpec.java")) {
            for (String line : Files.readAllLines(Path.of("src/main/java/org/brainj/launcher/spec", source))) {
                if (line.strip().startsWith("case \"")) {
                    Matcher m = kind.matcher(line.substring(0, line.indexOf("->")));
                    while (m.find()) {
                        kinds.add(m.group(1));
                    }
                }
            }
        }
        kinds.remove("value"); // an entry with a constant value and no type
        kinds.add("poisson_input"); // a population's key, read by SpecReader.population
        return kinds.stream();
    }

    @ParameterizedTest
    @MethodSource("readerKinds")
    void everyKindTheSpecReaderBuildsIsListedWithItsParametersAndUnits(String kind) {
        String line = entry("Inputs and generators", kind);
        for (InputKinds.Parameter p : InputKinds.named(kind).parameters()) {
            String unit = p.unit().isEmpty() ? "" : p.unit() + ", ";
            assertTrue(line.contains(" " + p.name() + " (" + unit), kind + ": '" + p.name() + " (" + unit + "' in " + line);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyCatalogFileIsListedWithItsParametersAndTheirUnits(Path file) throws Exception {
        String fileName = file.getFileName().toString();
        String title = fileName.endsWith(".model") ? "Models" : fileName.endsWith(".synapse") ? "Synapse models" : "Synaptic outputs";
        List<String> names = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        boolean inParameters = false;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("name:") || line.startsWith("aliases:")) {
                for (String n : line.substring(line.indexOf(':') + 1).split(",")) {
                    names.add(n.trim());
                }
            }
            if (!line.startsWith(" ") && !line.isBlank()) {
                inParameters = line.startsWith("parameters:");
                continue;
            }
            Matcher m = PARAMETER.matcher(line);
            if (inParameters && m.matches()) {
                expected.add(m.group(1) + " (" + (m.group(3).isEmpty() ? "" : m.group(3) + ", "));
            }
        }
        assertTrue(!names.isEmpty(), fileName + " names its model");
        for (String name : names) {
            String line = entry(title, name);
            if (expected.isEmpty()) {
                assertEquals("  " + name + ": no parameters", line);
            }
            for (String parameter : expected) {
                assertTrue(line.contains(" " + parameter), fileName + ": '" + parameter + "' in " + line);
            }
        }
    }
}
