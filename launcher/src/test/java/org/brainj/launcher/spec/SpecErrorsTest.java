package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of spec fault is reported at its file, line and key, with what to do instead. */
class SpecErrorsTest {
    @TempDir
    Path dir;

    /**
     * A valid spec; each case replaces one line (1-based) of it, or with line 0 is a whole spec,
     * and expects the error there. (In a flow mapping, {@code normal(a, b)} needs quotes: the comma
     * would end the value.)
     */
    private static final String BASE = """
            run: {duration: 10 ms, dt: 0.1 ms}
            populations:
              P:
                size: 10
                equations: |
                  dV/dt = (El - V) / tau : volt (unless refractory)
                threshold: V > V_th
                reset: V = El
                refractory: 2 ms
                parameters:
                  El: -60 mV
                  tau: 10 ms
                  V_th: -50 mV
                initial: {V: "normal(-55 mV, 2 mV)"}
            projections:
              PP:
                pre: P
                post: P
                connector: {name: FixedProb, prob: 0.1}
                on: V
                weight: 1 mV
            """;

    static Stream<Arguments> faults() {
        return Stream.of(
                // line, replacement, expected start of the message, expected part of the fix
                Arguments.of(1, "run: {duration: 10 ms, dt: 0.1 ms, steps: 4}", "net.yaml:1: run.steps: unknown key 'steps'",
                        "the keys here are duration, dt, seed, backend, precision"),
                Arguments.of(4, "    sise: 10", "net.yaml:4: populations.P.sise: unknown key 'sise'", "size"),
                Arguments.of(4, "", "net.yaml:3: populations.P.size: missing", "add 'size:' here"),
                Arguments.of(12, "      tau: 10 mV", "net.yaml:6:15: populations.P.equations: unit mismatch", "V/s"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIFF}",
                        "net.yaml:3: populations.P.model: unknown neuron model 'LIFF'", "did you mean LIF?"),
                // the first population's fault is the one reported, though the second's equations, compiled while the
                // platform starts, fail too
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIFF}\n  Q: {size: 1, equations:"
                        + " 'dV/dt = -V / (10*mV) : volt'}", "net.yaml:3: populations.P.model: unknown neuron model 'LIFF'",
                        "did you mean LIF?"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  Q: {size: 1, equations: 'dV/dt = -V / (10*mV) : volt'}\n"
                        + "  P: {size: 1, model: LIFF}", "net.yaml:3:", "V/s"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIF, parameters: {tau: 10 mV}}",
                        "net.yaml:3: populations.P.parameters.tau: '10 mV' is not parameter tau of LIF: its unit is mV", "needs ms"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIF, parameters: {taum: 10 ms}}",
                        "net.yaml:3: populations.P.parameters.taum: model LIF has no parameter 'taum'", "tau_ref"),
                Arguments.of(6, "      dV/dt = (El - V) / tau + Q : volt (unless refractory)", "net.yaml:10: populations.P.parameters:",
                        "the model reads [Q] but no value is given"),
                Arguments.of(6, "      dV/dt = (El - V / tau : volt", "net.yaml:6:29: populations.P.equations:", "to close the '(' at column 15"),
                Arguments.of(6, "      dV/dt = (El - V) / tau : volt (unless refractory)\n      dW/dt = (V - W*ms) / tau : volt",
                        "net.yaml:7:18: populations.P.equations: unit mismatch in the operands of -", "V·s"),
                Arguments.of(7, "    threshold: 'V > 3*ms'", "net.yaml:7:19: populations.P.threshold: unit mismatch", "s [T]"),
                Arguments.of(7, "    method: rk5\n    threshold: V > V_th", "net.yaml:7: populations.P.method:", "rk4"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P:\n    size: 1\n    equations: |\n"
                        + "      dV/dt = -W * V / tau : 1\n      dW/dt = V / tau : 1\n    method: exact\n    parameters: {tau: 1 ms}",
                        "net.yaml:8: populations.P.method: exact: dV/dt is not linear", "exponential_euler"),
                Arguments.of(7, "    threshold: V > tau", "net.yaml:7:18: populations.P.threshold:", "unit mismatch"),
                Arguments.of(8, "    reset: V = tau", "net.yaml:8:16: populations.P.reset:", "unit mismatch"),
                Arguments.of(8, "    reset: W = El", "net.yaml:8:12: populations.P.reset: the reset assigns 'W', which is not a state variable", "assign one of V"),
                Arguments.of(9, "    refractory: 2 mV", "net.yaml:9:17: populations.P.refractory: '2 mV' is not a time", "5 ms"),
                Arguments.of(11, "      El: -60 mV\n      Eq: 3 mV", "net.yaml:12: populations.P.parameters.Eq: parameter 'Eq' is not read",
                        "remove it"),
                Arguments.of(11, "      El: -1e400 mV", "net.yaml:11: populations.P.parameters.El: '-1e400 mV' is not a quantity",
                        "give a finite number"),
                Arguments.of(11, "      El: minus sixty", "net.yaml:11: populations.P.parameters.El: 'minus sixty' is not a quantity", "number"),
                Arguments.of(14, "    initial: {V: \"normal(-55 ms, 2 mV)\"}", "net.yaml:14: populations.P.initial.V: '-55 ms' is not",
                        "needs V"),
                Arguments.of(14, "    initial: {W: -55 mV}", "net.yaml:14: populations.P.initial.W: unknown state variable", "V"),
                Arguments.of(14, "    initial: {V: -55 mV}\n    sums: {El: W}", "net.yaml:15: populations.P.sums.El: 'W' is not a state"
                        + " variable of P", "its state variables: V"),
                Arguments.of(14, "    initial: {V: -55 mV}\n    sums: {Q: V}", "net.yaml:15: populations.P.sums.Q: 'Q' is not a shared"
                        + " parameter of P", "add it under 'parameters:'"),
                Arguments.of(7, "    threshold: V > V_th\n    threshold_crossing: V > V_th", "net.yaml:8: populations.P.threshold_crossing:"
                        + " give either 'threshold'", "not both"),
                Arguments.of(17, "    pre: Q", "net.yaml:17: projections.PP.pre: unknown population 'Q'", "known: P"),
                Arguments.of(19, "    connector: {name: FixedProbability, prob: 0.1}",
                        "net.yaml:19: projections.PP.connector.name: unknown connector 'FixedProbability'", "FixedProb"),
                Arguments.of(19, "    connector: {name: FixedProb, p: 0.1}", "net.yaml:19: projections.PP.connector:",
                        "prob"),
                Arguments.of(20, "    on: W", "net.yaml:20: projections.PP.on: 'W' is not a state variable of P", "[V]"),
                // a misspelt name is reported before the keys beside it, which may be right for the intended synapse
                Arguments.of(20, "    synapse: Exponentail", "net.yaml:20: projections.PP.synapse: unknown synapse model"
                        + " 'Exponentail'", "known:"),
                Arguments.of(20, "    synapse: {kind: Expo, tau: 5 ms}", "net.yaml:20: projections.PP.synapse.kind: unknown"
                        + " synapse model 'Expo'", "Alpha, Delta, DualExponential, Exponential"),
                Arguments.of(20, "    synapse: {kind: Exponential, taus: 5 ms}", "net.yaml:20: projections.PP.synapse.taus:"
                        + " synapse model Exponential has no parameter 'taus'", "its parameters are tau"),
                Arguments.of(20, "    synapse: {kind: Exponential, tau: 5 mV}", "net.yaml:20: projections.PP.synapse.tau: '5 mV' is not",
                        "1 ms"),
                Arguments.of(20, "    synapse: {kind: Exponential, tau: 5 ms}", "net.yaml:20: projections.PP.synapse.kind: Exponential"
                        + " sets a current every step, but P's model has no synaptic current symbol", "'current: I_syn'"),
                Arguments.of(21, "    weight: 1 ms", "net.yaml:21: projections.PP.weight: '1 ms' is not a weight onto P", "give e.g. '1 V'"),
                Arguments.of(21, "    weight: 1 mV\n    delay: 0.25 ms", "net.yaml:22: projections.PP.delay: 0.25 ms is not a whole number of steps", "use 0.2 ms or 0.3 ms"),
                Arguments.of(3, "  P:\n  P:", "net.yaml:", "twice"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations: [P]", "net.yaml:2: populations: expected a mapping", "key: value"),
                Arguments.of(0, "run: {duration: 1 ms}\n", "net.yaml:1: populations: missing", "add 'populations:'"),
                Arguments.of(0, "", "net.yaml:1: the spec is empty", "populations"),
                Arguments.of(1, "run: {duration: 10 ms, dt: 0.1 ms", "net.yaml:", "not valid YAML"),
                Arguments.of(1, "run: {dt: 0.1 ms}", "net.yaml:1: run.duration: missing", "--duration"),
                Arguments.of(1, "run: {duration: 10 mV}", "net.yaml:1: run.duration: '10 mV' is not a time", "1 s"),
                Arguments.of(1, "run: {duration: 10.05 ms}", "net.yaml:1: run.duration:", "multiple of dt"),
                Arguments.of(1, "run: {duration: 10 ms, backend: quantum}", "net.yaml:1: run: unknown backend 'quantum'", "cpu"),
                // inputs and generators: line 21 becomes the projection's weight and one 'inputs:' entry at line 23
                Arguments.of(21, INPUT + "{type: rampp, target: P.V}", "net.yaml:23: inputs[0].type: unknown input type 'rampp'",
                        "known: section, constant, spike, ramp, sinusoidal, square, wiener, ou, dc_generator"),
                Arguments.of(21, INPUT + "{type: ramp, target: P.V, c_start: 0 mV}", "net.yaml:23: inputs[0].c_end: missing",
                        "add 'c_end:' here"),
                Arguments.of(21, INPUT + "{type: ramp, target: P.V, c_start: 0 nA, c_end: 1 mV}",
                        "net.yaml:23: inputs[0].c_start: '0 nA' is not a value of V", "give e.g. '1 V'"),
                Arguments.of(21, INPUT + "{type: ramp, target: P.V, c_start: 0 mV, c_end: 1 mV, t_start: 8 ms, t_end: 2 ms}",
                        "net.yaml:23: inputs[0].t_end: t_end 2 ms is before t_start 8 ms", "give t_end >= t_start"),
                Arguments.of(21, INPUT + "{type: ou, target: PV, mean: 0 mV, sigma: 1 mV, tau: 5 ms}",
                        "net.yaml:23: inputs[0].target: 'PV' is not a target", "write POPULATION.VARIABLE, e.g. E.I_ext"),
                Arguments.of(21, INPUT + "{type: wiener, target: P.V, sigma: 1 mV, tau: 5 ms}", "net.yaml:23: inputs[0].tau: unknown key",
                        "sigma, t_start, t_end"),
                Arguments.of(21, INPUT + "{type: dc_generator, target: Q.V, amplitude: 1 mV}", "net.yaml:23: inputs[0].target: unknown"
                        + " population 'Q'", "known: P"),
                Arguments.of(21, INPUT + "{type: noise_generator, target: P.V, std: 1 mV, dt: 0.25 ms}", "net.yaml:23: inputs[0].dt:"
                        + " 0.25 ms is not a whole number of steps of dt = 0.1 ms", "use 0.2 ms or 0.3 ms"),
                Arguments.of(0, "run: {duration: 1e6 s, dt: 0.1 ms}\npopulations:\n  P: {size: 1, model: LIF}\ninputs:\n  - {type:"
                        + " ramp, target: P.input, c_start: 0 mV, c_end: 1 mV}", "net.yaml:5: inputs[0]: a ramp input holds one"
                        + " value per step, and 10000000000 steps", "shorten the run"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  G: {size: 2, generator: {type: poison}}",
                        "net.yaml:3: populations.G.generator.type: unknown generator type 'poison'", "spike_generator, poisson"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  G: {size: 2, generator: {type: poisson, rates: '5*mV'}}",
                        "net.yaml:3: populations.G.generator.rates: '5*mV' is not a rate", "write an expression of t in Hz"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  G: {size: 2, generator: {type: spike_generator, times: [1 ms]}}",
                        "net.yaml:3: populations.G.generator.indices: missing", "add 'indices:' here"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIF}\nmonitors:\n  state:\n"
                        + "    - {synapses: S, variable: w}", "net.yaml:6: monitors.state[0].synapses: no projection written as"
                        + " equations is named 'S'", "those there are: []"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  P: {size: 1, model: LIF}\nmonitors:\n  state:\n"
                        + "    - {population: P, synapses: S, variable: w}", "net.yaml:6: monitors.state[0].population: a state"
                        + " monitor records either a population or synapses", "remove one"),
                Arguments.of(0, "run: {duration: 1 ms}\npopulations:\n  G: {size: 2, generator: {type: spike_generator,"
                        + " file: nowhere.csv}}", "net.yaml:3: populations.G.generator.file: cannot read", "relative to the spec"));
    }

    /** The last line of BASE kept, then an 'inputs:' entry. */
    private static final String INPUT = "    weight: 1 mV\ninputs:\n  - ";

    @ParameterizedTest
    @MethodSource("faults")
    void isReportedAtItsLineAndKeyWithTheFix(int line, String replacement, String start, String fix) throws Exception {
        String text = replacement;
        if (line > 0) {
            String[] lines = BASE.split("\n", -1);
            lines[line - 1] = replacement;
            text = String.join("\n", lines).replaceAll("\n\n", "\n");
        }
        Path file = Files.writeString(dir.resolve("net.yaml"), text);
        SpecException e = assertThrows(SpecException.class,
                () -> SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath()), text);
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(e.getMessage().contains(fix), e.getMessage());
        // read on a thread of its own (as 'brainj run' reads while the platform starts): the same error
        SpecException ahead = assertThrows(SpecException.class,
                () -> SpecLoader.readAhead(file, "net.yaml", RunSettings.Overrides.NONE).assemble(Catalog.classpath()), text);
        assertEquals(e.getMessage(), ahead.getMessage());
    }
}
