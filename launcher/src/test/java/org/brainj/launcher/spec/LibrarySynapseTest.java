package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projections whose synapse is a model of the library, picked by name, from spec files. */
class LibrarySynapseTest {
    @TempDir
    Path dir;

    private SpecRun load(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), yaml);
        return SpecLoader.load(file, "net.yaml", RunSettings.Overrides.NONE, Catalog.classpath());
    }

    private static String example(String name) throws Exception {
        return Files.readString(Path.of("..", "examples", name));
    }

    /**
     * examples/stdp_library.yaml writes Song et al.'s network with the library's STDP; its
     * synapses are the model of examples/stdp_song.yaml, so the weights after 2 s are the same,
     * draw for draw.
     */
    @Test
    void theLibrarysStdpIsBrian2sExampleModel() throws Exception {
        SpecRun library = load(example("stdp_library.yaml").replace("duration: 100 s", "duration: 2 s"));
        SpecRun text = load(example("stdp_song.yaml").replace("duration: 100 s", "duration: 2 s"));
        library.network().run(library.settings().duration());
        text.network().run(text.settings().duration());
        double[] w = library.synapses().get("S").variable("w").toDoubleArray();
        assertArrayEquals(text.synapses().get("S").variable("w").toDoubleArray(), w, 0);
        assertTrue(w.length == 1000 && w[0] != w[1], "weights are drawn and learned");
    }

    /** Two passive cells, one driven by 0.1 nA, joined both ways by GapJunction into I_gap. */
    private static final String GAP = """
            run: {duration: 200 ms, dt: 0.1 ms}
            populations:
              G:
                size: 2
                equations: |
                  dV/dt = (E_L - V + R * (I_e + I_gap)) / tau : volt
                  I_e : amp
                  I_gap : amp
                parameters: {E_L: -70 mV, R: 1 Mohm, tau: 10 ms, I_e: [0.1 nA, 0 nA], I_gap: [0 nA, 0 nA]}
                initial: {V: -70 mV}
            projections:
              J:
                pre: G
                post: G
                connector: {name: IndexConn, i: [0, 1], j: [1, 0]}
                on: I_gap
                synapse: {model: GapJunction, parameters: {g: 500 nS}}
            """;

    /**
     * With R = 1 Mohm the leak conductance is 1 uS; a junction of 0.5 uS holds the driven cell
     * at I (g_L + w) / (g_L (g_L + 2 w)) = 0.075 mV above rest and the other at w / (g_L + w) of that.
     */
    @Test
    void aGapJunctionCouplesTwoCellsToTheAnalyticSteadyState() throws Exception {
        SpecRun run = load(GAP);
        run.network().run(run.settings().duration());
        double[] v = ((org.brainj.api.sim.NeuronGroup) run.populations().get("G")).variable("V").toDoubleArray();
        assertEquals(-70 + 0.1 * 1.5 / 2, v[0], 1e-9);
        assertEquals(-70 + 0.075 / 3, v[1], 1e-9);
    }

    @Test
    void aDelayInsideSynapseIsSharedByAllItsSynapses() throws Exception {
        SpecRun run = load(GAP.replace("parameters: {g: 500 nS}}", "parameters: {g: 500 nS}, delay: 0.5 ms}"));
        assertEquals(0.5, run.synapses().get("J").model().delay(), 1e-12);
        SpecException e = fault("parameters: {g: 500 nS}}", "parameters: {g: 500 nS}, delay: -1 ms}");
        assertTrue(e.getMessage().contains("a delay is a time >= 0"), e.getMessage());
    }

    private SpecException fault(String from, String to) {
        return assertThrows(SpecException.class, () -> load(GAP.replace(from, to)));
    }

    @Test
    void aMisspelledNameListsTheCloseMatches() {
        SpecException e = fault("model: GapJunction", "model: GapJuncton");
        assertTrue(e.getMessage().startsWith("net.yaml:17: "), e.getMessage());
        assertTrue(e.getMessage().contains("unknown synapse model 'GapJuncton'") && e.getMessage().contains("GapJunction"),
                e.getMessage());
        SpecException scalar = fault("synapse: {model: GapJunction, parameters: {g: 500 nS}}", "synapse: STPD");
        assertTrue(scalar.getMessage().contains("did you mean") && scalar.getMessage().contains("STDP"), scalar.getMessage());
    }

    @Test
    void aParameterWithTheWrongUnitNamesItTheGivenAndTheExpectedUnit() {
        SpecException e = fault("g: 500 nS", "g: 500 mV");
        assertTrue(e.getMessage().startsWith("net.yaml:17: "), e.getMessage());
        assertTrue(e.getMessage().contains("parameter g of GapJunction") && e.getMessage().contains("mV")
                && e.getMessage().contains("nS"), e.getMessage());
        SpecException unknown = fault("g: 500 nS", "gg: 500 nS");
        assertTrue(unknown.getMessage().contains("GapJunction has no parameter 'gg'; its parameters are g"),
                unknown.getMessage());
    }

    @Test
    void onNamesAVariableOfThePostSynapticGroup() {
        SpecException e = fault("on: I_gap", "on: I_gab");
        assertTrue(e.getMessage().contains("'I_gab' is not a variable of G"), e.getMessage());
        SpecException none = fault("    on: I_gap\n", "");
        assertTrue(none.getMessage().contains("GapJunction sets a current every step, but G's model has no synaptic current"
                + " symbol") && none.getMessage().contains("'on:'"), none.getMessage());
        // a weight beside the synapse is its per-synapse weight w, a conductance for the gap junction
        SpecException weight = fault("    synapse: {model", "    weight: 1\n    synapse: {model");
        assertTrue(weight.getMessage().contains("'1' is not a weight onto G"), weight.getMessage());
        SpecException empty = fault("    synapse: {model", "    weight:\n    synapse: {model");
        assertTrue(empty.getMessage().contains("projections.J.weight: 'weight' has no value"), empty.getMessage());
    }
}
