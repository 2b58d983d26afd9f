package org.brainj.models.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The synapse file format: what it reads, and each fault as one line naming the file and line. */
class SynapseFileTest {
    static final String GOOD = """
            name: Facilitating
            reference: a paper
            target: g : 1
            membrane: v
            equations:
                w : 1
                du/dt = -u / tau : 1 (event-driven)
            on_pre:
                u += U * (1 - u)
                g_post += w * u
            parameters:
                U: 0.2          # increment
                tau: 50 ms      # decay
            state:
                w: 2 * U
                u: 0
            """;

    @Test
    void readsEveryPart() {
        FileSynapse s = new FileSynapse(ModelFile.parse("Facilitating.synapse", GOOD));
        assertEquals("Facilitating", s.name());
        assertEquals("g", s.target().name());
        assertEquals(PhysicalUnits.ONE, s.target().unit());
        assertEquals("v", s.membrane().name());
        assertEquals(false, s.summed());
        assertEquals(List.of("U", "tau"), s.parameters().stream().map(p -> p.name()).toList());
        assertEquals("ms", s.parameters().get(1).unit());
        assertEquals("increment", s.parameters().get(0).description());
        assertEquals(List.of("w", "u"), List.copyOf(s.compile("S", Map.of(), groups()).initial().keySet()));
    }

    static org.brainj.api.model.SynapseModelFactory.Groups groups() {
        Map<String, javax.measure.Unit<?>> vars = Map.of("V", PhysicalUnits.ONE, "h", PhysicalUnits.ONE);
        return new org.brainj.api.model.SynapseModelFactory.Groups(vars, vars, "h", "V", "V");
    }

    /** The ports are bound to the groups' own names: g_post becomes h_post. */
    @Test
    void thePortsAreTheGroupsVariables() {
        var compiled = new FileSynapse(ModelFile.parse("Facilitating.synapse", GOOD)).compile("S", Map.of("U", 0.5), groups());
        var model = compiled.synapse().model();
        assertTrue(model.onPre().stream().anyMatch(a -> a.target().equals("h_post")), model.onPre().toString());
        assertTrue(model.onPre().stream().noneMatch(a -> a.target().equals("g_post")), model.onPre().toString());
        assertEquals(0.5, model.parameters().get("U"), 0);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(GOOD.replace("target: g : 1\n", ""), "F.synapse:1: no 'target:'"),
                Arguments.of(GOOD.replace("target: g : 1", "target: g : parsecs"), "F.synapse:3: 'parsecs' is not a unit"),
                Arguments.of(GOOD.replace("target: g : 1", "target: g : volt"), "F.synapse:10:"),
                Arguments.of(GOOD.replace("g_post += w * u", "h_post += w * u"), "F.synapse:10:"),
                Arguments.of(GOOD.replace("tau: 50 ms", "tau: 50 mV"), "F.synapse:7:"),
                Arguments.of(GOOD.replace("    u: 0", "    x: 0"), "F.synapse:16: 'x' is not a per-synapse variable"),
                Arguments.of(GOOD.replace("    u: 0", "    u: 5 ms"), "F.synapse:16: state u: 5 ms does not fit u"),
                Arguments.of(GOOD.replace("    w: 2 * U", "    w: 2 * V"), "F.synapse:15: state w:"),
                Arguments.of(GOOD.replace("reference: a paper", "reference: a paper\nthreshold: u > 1"),
                        "F.synapse:3: 'threshold' is a key of neuron models (.model files); remove it"),
                Arguments.of(GOOD + "on_pre: u += 1\n", "F.synapse:17: 'on_pre' is given twice"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aFaultIsOneLineNamingTheFileAndLine(String text, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> new FileSynapse(ModelFile.parse("F.synapse", text))
                .compileNow());
        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    /** A neuron file with a synapse's key is refused, and a set of files reads each kind from its extension. */
    @Test
    void eachKindReadsItsOwnFiles() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> new FileModel(ModelFile.parse("Leaky.model",
                ModelFileTest.GOOD + "on_pre: V += 1\n")));
        assertTrue(e.getMessage().startsWith("Leaky.model:19: 'on_pre' is a key of synapse models (.synapse files)"),
                e.getMessage());
        List<ModelFileException> faults = new ArrayList<>();
        Map<String, String> files = Map.of("Leaky.model", ModelFileTest.GOOD, "Facilitating.synapse", GOOD);
        assertEquals(List.of("Leaky"), ModelFiles.models(files, ModelFiles.Compile.AT_LOAD, faults::add).stream()
                .map(FileModel::name).toList());
        assertEquals(List.of("Facilitating"), ModelFiles.synapses(files, ModelFiles.Compile.AT_LOAD, faults::add).stream()
                .map(FileSynapse::name).toList());
        assertEquals(List.of(), faults);
    }
}
