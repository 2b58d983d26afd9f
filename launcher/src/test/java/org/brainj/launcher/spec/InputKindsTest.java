package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brainj.api.model.InputKinds;
import org.brainj.api.model.InputKinds.Kind;
import org.brainj.api.model.InputKinds.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table {@code brainj list} prints against the spec reader and NEST's documentation: every
 * kind runs from a spec with every parameter the table lists, at its example; each parameter
 * given in another unit than the listed one is refused (so the listed unit is the one checked);
 * and NEST's generators keep NEST's documented parameter names and units.
 */
class InputKindsTest {
    /** Units the examples write, each to one of another dimension. */
    private static final Map<String, String> WRONG_UNIT = Map.of("ms", "mV", "Hz", "ms", "nA", "mV", "pA", "mV", "mV", "ms");
    private static final Pattern UNIT = Pattern.compile("\\b(ms|Hz|nA|pA|mV)\\b");

    @TempDir
    Path dir;

    static Stream<String> kinds() {
        return InputKinds.ALL.stream().map(Kind::name);
    }

    /** A 10 ms run of P (V in volt driven by I in amp) with {@code kind} written where a spec writes it. */
    private SpecRun run(Kind kind, Function<Parameter, String> value) throws Exception {
        String fields = kind.parameters().stream().filter(p -> p.example() != null).map(p -> p.name() + ": " + value.apply(p))
                .collect(Collectors.joining(", "));
        String extra = switch (kind.place()) {
            case INPUTS -> "inputs:\n  - {type: " + kind.name() + ", target: P.I, " + fields + "}\n";
            case GENERATOR -> "  G: {size: 2, generator: {type: " + kind.name() + ", " + fields + "}}\n";
            case POPULATION_KEY -> "    " + kind.name() + ": {" + fields + "}\n";
        };
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 10 ms, dt: 0.1 ms, seed: 5}
                populations:
                  P:
                    size: 2
                    equations: |
                      dV/dt = (-V + I*10*Mohm)/(10*ms) : volt
                      I : amp
                    inputs: [I]
                """ + extra);
        SpecRun run = SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
        run.network().run(run.settings().duration());
        return run;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyListedParameterIsAcceptedAtItsExampleInItsUnit(String name) throws Exception {
        Kind kind = InputKinds.named(name);
        run(kind, Parameter::example);
        for (Parameter p : kind.parameters()) {
            if (p.example() == null || p.unit().isEmpty()) {
                continue;
            }
            Matcher m = UNIT.matcher(p.example());
            assertTrue(m.find(), p.name() + "'s example " + p.example() + " writes a unit");
            String wrong = m.replaceAll(r -> WRONG_UNIT.get(r.group(1)));
            SpecException e = assertThrows(SpecException.class,
                    () -> run(kind, q -> q == p ? wrong : q.example()), name + "." + p.name() + ": " + wrong);
            // the refusal names the parameter's place, e.g. "net.yaml:10: inputs[0].durations[0]: '2 mV' is not a time"
            assertTrue(e.getMessage().matches("net\\.yaml:\\d+: \\S+\\." + p.name() + "[\\[:].*"), e.getMessage());
        }
    }

    @Test
    void nestsGeneratorsKeepNestsParameterNamesAndUnits() {
        // NEST 3 model documentation: each parameter and its unit; currents (pA there) are in the target's unit here
        Map<String, Map<String, String>> nest = new LinkedHashMap<>();
        nest.put("dc_generator", ordered("amplitude", "pA", "start", "ms", "stop", "ms"));
        nest.put("step_current_generator", ordered("amplitude_times", "ms", "amplitude_values", "pA"));
        nest.put("noise_generator", ordered("mean", "pA", "std", "pA", "dt", "ms", "std_mod", "pA", "frequency", "Hz",
                "phase", "deg", "start", "ms", "stop", "ms"));
        nest.put("sinusoidal_poisson_generator", ordered("rate", "Hz", "amplitude", "Hz", "frequency", "Hz", "phase", "deg"));
        nest.put("poisson_input", ordered("rate", "Hz", "weight", "mV"));
        nest.forEach((name, parameters) -> {
            Map<String, String> listed = InputKinds.named(name).parameters().stream()
                    .collect(Collectors.toMap(Parameter::name, Parameter::unit, (a, b) -> a, LinkedHashMap::new));
            assertEquals(parameters.keySet().stream().toList(), listed.keySet().stream().toList(), name);
            parameters.forEach((key, unit) -> assertEquals(switch (unit) {
                case "pA" -> InputKinds.TARGET_UNIT;
                case "deg" -> ""; // a plain number of degrees
                case "mV" -> InputKinds.MEMBRANE_UNIT; // NEST's weight onto V_m
                default -> unit;
            }, listed.get(key), name + "." + key));
        });
    }

    @Test
    void theSpecReaderTakesEachTypeFromTheTable() {
        assertEquals(InputKinds.at(InputKinds.Place.INPUTS).stream().map(Kind::name).toList(), InputSpec.TYPES.keySet().stream().toList());
        InputKinds.at(InputKinds.Place.INPUTS).forEach(k -> assertTrue(InputSpec.keys(k.name()).containsAll(k.keys()), k.name()));
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            out.put(pairs[k], pairs[k + 1]);
        }
        return out;
    }
}
