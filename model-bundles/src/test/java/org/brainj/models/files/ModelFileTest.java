package org.brainj.models.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.brainj.api.sim.TimeConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The model file format: what it reads, and each fault as one line naming the file and line. */
class ModelFileTest {
    static final String GOOD = """
            # a comment
            name: Leaky
            reference: a textbook
            method: exponential_euler
            dt: 0.1 ms

            equations:
                dV/dt = (E_L - V) / tau : volt   # relaxes to E_L
            threshold: V > V_th
            reset: V = E_L

            parameters:
                E_L: -70 mV     # resting potential
                tau: 10 ms      # membrane time constant
                V_th: -50 mV    # threshold

            state:
                V: -60 mV
            """;

    @Test
    void readsEveryPart() {
        FileModel m = new FileModel(ModelFile.parse("Leaky.model", GOOD));
        assertEquals("Leaky", m.name());
        assertEquals("exponential_euler", m.method());
        assertEquals(0.1, m.dt(), 1e-15);
        assertEquals(List.of("E_L", "tau", "V_th"), m.parameters().stream().map(p -> p.name()).toList());
        assertEquals("resting potential", m.parameters().get(0).description());
        assertEquals("mV", m.parameters().get(0).unit());
        assertEquals("-70", m.parameters().get(0).defaultValue());
        assertEquals("a textbook", m.file().text("reference"));
        assertEquals(TimeConvention.BRIAN2, m.create(Map.of()).convention(), "a file without 'convention:' keeps Brian2's");
        FileModel nest = new FileModel(ModelFile.parse("Leaky.model", GOOD.replace("dt: 0.1 ms", "dt: 0.1 ms\nconvention: nest")));
        assertEquals(TimeConvention.NEST, nest.create(Map.of()).convention());
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(GOOD.replace("name: Leaky", "nme: Leaky"), "Leaky.model:2: unknown key 'nme'"),
                Arguments.of(GOOD.replace("name: Leaky\n", ""), "Leaky.model:1: no 'name:'"),
                Arguments.of(GOOD.replace("(E_L - V) / tau", "(E_L - V) / tau +"), "Leaky.model:8: equations, line 8"),
                Arguments.of(GOOD.replace("tau: 10 ms", "tau: 10 mV"), "Leaky.model:8:"),
                Arguments.of(GOOD.replace("tau: 10 ms", "tau: 10 parsecs"), "Leaky.model:14: parameter tau: '10 parsecs' is not a quantity"),
                Arguments.of(GOOD.replace("    V: -60 mV", "    V: -60 ms"), "Leaky.model:18: state V: -60 ms does not fit V"),
                Arguments.of(GOOD.replace("    V: -60 mV", "    W: -60 mV"), "Leaky.model:18: 'W' is not a state variable"),
                Arguments.of(GOOD.replace("method: exponential_euler", "method: rk5"), "Leaky.model:4:"),
                Arguments.of(GOOD.replace("dt: 0.1 ms", "dt: 0.1 mV"), "Leaky.model:5: dt: '0.1 mV' is not a positive time"),
                Arguments.of(GOOD.replace("dt: 0.1 ms", "dt: 0.1 ms\nconvention: nets"),
                        "Leaky.model:6: convention: 'nets' is not a time convention; give 'brian2' or 'nest'"),
                Arguments.of(GOOD.replace("threshold: V > V_th", "threshold: V > V_th\nthreshold: V > 0*mV"), "'threshold' is given twice"),
                Arguments.of(GOOD.replace("    E_L: -70 mV", "    E_L -70 mV"), "Leaky.model:13: expected 'name: value unit  # meaning'"),
                Arguments.of(GOOD.replace("reset: V = E_L", "reset: W = E_L"), "Leaky.model:10: reset, line 10"),
                Arguments.of(GOOD.replace("dt: 0.1 ms", "  dt: 0.1 ms"), "Leaky.model:5: an indented line outside a block"));
    }

    @ParameterizedTest
    @MethodSource("faults")
    void aFaultIsOneLineNamingTheFileAndLine(String text, String expected) {
        ModelFileException e = assertThrows(ModelFileException.class, () -> new FileModel(ModelFile.parse("Leaky.model", text))
                .compileNow());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    /** A bad file in a set is reported and left out; the others load. */
    @Test
    void aBadFileIsLeftOutAndReported() {
        List<ModelFileException> faults = new ArrayList<>();
        List<FileModel> models = ModelFiles.models(Map.of("Leaky.model", GOOD, "Bad.model", "name: Bad\n"),
                ModelFiles.Compile.AT_LOAD, faults::add);
        assertEquals(List.of("Leaky"), models.stream().map(FileModel::name).toList());
        assertEquals(1, faults.size());
        assertTrue(faults.get(0).getMessage().startsWith("Bad.model:1: no 'equations:'"), faults.get(0).getMessage());
    }
}
