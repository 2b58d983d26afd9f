package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.brainj.api.sim.NeuronGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library synapse composed with a library output by the projection's {@code output:}, as the
 * named synapses are: the kinetics of {@code Exponential} driving a conductance-based current,
 * merged per post-synaptic neuron, and the faults of an unknown output or a parameter in the
 * wrong unit named by file and line.
 */
class LibraryOutputTest {
    @TempDir
    Path dir;

    /** One spike at 0.5 ms into two neurons clamped at -60 mV through a 2 nS Exponential synapse with COBA. */
    private static final String SPEC = """
            run: {duration: 1.5 ms, dt: 0.1 ms}
            populations:
              In: {size: 1, generator: {type: spike_generator, times: [0.5 ms], indices: [0]}}
              N:
                size: 2
                equations: |
                  dV/dt = 0*mV/ms : volt
                  I : amp
                parameters: {I: [0 nA, 0 nA]}
                initial: {V: -60 mV}
            projections:
              S:
                pre: In
                post: N
                connector: {name: IndexConn, i: [0, 0], j: [0, 1]}
                on: I
                synapse: {model: Exponential, parameters: {tau: 5 ms}}
                output: {kind: COBA, E: -80 mV}
                initial: {w: 2 nS}
            """;

    private SpecRun load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), yaml);
        return SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
    }

    /**
     * The spike of the step at 0.5 ms reaches the gate at the step's end, the current from the
     * next step on: the last step (1.4 ms) sets I = w e^(-0.8 ms / tau) (E - V), in nA from uS and mV.
     */
    @Test
    void anExponentialSynapseWithCobaDrivesTheConductanceCurrentMerged() throws Exception {
        SpecRun run = load(SPEC);
        run.network().run(run.settings().duration());
        double[] current = ((NeuronGroup) run.populations().get("N")).variable("I").toDoubleArray();
        double expected = 0.002 * Math.exp(-0.8 / 5) * (-80 - -60);
        assertEquals(expected, current[0], 1e-15);
        assertEquals(expected, current[1], 1e-15);
        assertTrue(run.synapses().get("S").isMerged(), "Exponential with COBA is merged per post-synaptic neuron");
    }

    private SpecException fault(String from, String to) {
        return assertThrows(SpecException.class, () -> load(SPEC.replace(from, to)));
    }

    @Test
    void anUnknownOutputOrAParameterInTheWrongUnitIsNamedByLine() {
        SpecException unknown = fault("kind: COBA", "kind: CBOA");
        assertTrue(unknown.getMessage().startsWith("net.yaml:18: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("unknown synaptic output 'CBOA'") && unknown.getMessage().contains("COBA"),
                unknown.getMessage());
        SpecException unit = fault("E: -80 mV", "E: -80 nS");
        assertTrue(unit.getMessage().startsWith("net.yaml:18: "), unit.getMessage());
        assertTrue(unit.getMessage().contains("parameter E of output COBA") && unit.getMessage().contains("mV"),
                unit.getMessage());
        SpecException name = fault("E: -80 mV", "E_rev: -80 mV");
        assertTrue(name.getMessage().contains("output COBA has no parameter 'E_rev'; its parameters are E"),
                name.getMessage());
        SpecException weight = fault("w: 2 nS", "w: 2 nA");
        assertTrue(weight.getMessage().contains("w"), weight.getMessage());
    }
}
