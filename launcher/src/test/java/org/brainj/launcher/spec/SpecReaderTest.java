package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.spec.NetworkSpec.Neurons;
import org.brainj.launcher.spec.NetworkSpec.ProjectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader alone: YAML to records with the places written, before any model or connector is looked up. */
class SpecReaderTest {
    @TempDir
    Path dir;

    private NetworkSpec read(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), yaml);
        return SpecReader.read(SpecReader.parse(file, "net.yaml"), "net", RunSettings.Overrides.NONE, dir);
    }

    @Test
    void eachValueIsTypedAndCarriesItsLine() throws Exception {
        NetworkSpec spec = read("""
                run: {duration: 10 ms, dt: 0.1 ms}
                populations:
                  P:
                    size: [3, 4]
                    equations: |
                      dV/dt = (E_L - V) / tau : volt
                    threshold: V > -50*mV
                    parameters: {E_L: -60 mV, tau: 10 ms}
                    initial: {V: [-60 mV, -59 mV]}
                views:
                  A: P[0:6]
                projections:
                  C:
                    pre: A
                    post: P
                    connector: {name: FixedProb, prob: 0.1}
                    synapse: {kind: Exponential, tau: 0.005 s}
                    output: {kind: COBA, E: 0 mV}
                    weight: 1 nS
                    delay: 0.002 s
                monitors:
                  spikes: [P]
                  state:
                    - {population: P, variable: V, period: 1 ms}
                """);
        assertEquals("net", spec.name());
        Neurons p = (Neurons) spec.populations().get(0);
        assertArrayEquals(new int[] {3, 4}, p.geometry());
        assertNull(p.model());
        assertEquals(5, p.equations().equations().where().line()); // the key
        assertEquals(6, p.equations().equations().value().line()); // the block's text, where its faults are reported
        assertEquals("V > -50*mV", p.equations().threshold().value().text());
        assertEquals(7, p.equations().threshold().where().line());
        assertEquals(8, p.parameters().get("tau").where().line());
        assertEquals(2, ((SpecValue.Listed) p.initial().get("V")).items().size());
        assertEquals("P[0:6]", spec.views().get(0).range().value());

        ProjectionSpec c = spec.projections().get(0);
        assertEquals("FixedProb", c.connector().name().value());
        assertEquals(0.1, (Double) c.connector().parameters().get("prob"), 0);
        // a named synapse is the library's model, its parameters beside its kind
        NetworkSpec.LibrarySynapseModel synapse = (NetworkSpec.LibrarySynapseModel) c.model();
        assertEquals("Exponential", synapse.model().value());
        // 0.005 s, kept as written: the library's file converts it for the synapse
        assertEquals("0.005 s", synapse.parameters().get("tau").scalar().text());
        assertEquals(17, synapse.parameters().get("tau").where().line());
        assertEquals("COBA", synapse.output().kind().value());
        assertEquals("1 nS", c.weight().scalar().text());
        assertEquals(19, c.weight().where().line());
        assertEquals(2.0, c.delay().value(), 1e-12); // in ms

        assertEquals("P", spec.monitors().spikes().get(0).value());
        assertEquals(10, spec.monitors().states().get(0).period()); // 1 ms / 0.1 ms
    }

    @Test
    void theReaderLooksUpNoModelConnectorOrPopulation() throws Exception {
        // all names unknown: the reader takes them as written, the assembler reports the first at its line
        String yaml = """
                run: {duration: 10 ms}
                populations:
                  P: {size: 2, model: Frobnicator}
                projections:
                  C: {pre: Nowhere, post: P, connector: Teleport, weight: 1 mV}
                """;
        NetworkSpec spec = read(yaml);
        assertEquals("Frobnicator", ((Neurons) spec.populations().get(0)).model().value());
        assertEquals("Nowhere", spec.projections().get(0).pre().value());
        SpecException e = assertThrows(SpecException.class, () -> SpecAssembler.assemble(spec, Catalog.classpath()));
        assertTrue(e.getMessage().startsWith("net.yaml:3: populations.P.model: "), e.getMessage());
    }

    @Test
    void aSpikeGeneratorIsReadIntoItsTimesInMilliseconds() throws Exception {
        NetworkSpec spec = read("""
                run: {duration: 10 ms}
                populations:
                  G: {size: 2, generator: {type: spike_generator, times: [1 ms, 0.002 s, 3000 us], indices: [0, 1, 0]}}
                """);
        NetworkSpec.Generator g = (NetworkSpec.Generator) spec.populations().get(0);
        GeneratorSpec.SpikeTimes s = (GeneratorSpec.SpikeTimes) g.source();
        assertArrayEquals(new double[] {1, 2, 3}, s.times(), 1e-12);
        assertArrayEquals(new int[] {0, 1, 0}, s.indices());
        assertEquals(3, g.where().line());
    }

    @Test
    void aShapeFaultIsTheReadersAtItsKey() {
        SpecException e = assertThrows(SpecException.class, () -> read("""
                run: {duration: 10 ms}
                populations:
                  P: {size: 2, model: LIF, colour: red}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:3: populations.P.colour: unknown key 'colour'"), e.getMessage());
    }

    @Test
    void aSynapseWrittenAsEquationsIsARecordWithThePlaceOfEachText() throws Exception {
        NetworkSpec spec = read("""
                run: {duration: 10 ms}
                populations:
                  P: {size: 2, model: LIF}
                projections:
                  S:
                    pre: P
                    post: P
                    connector: All2All
                    synapse:
                      model: |
                        w : 1
                      on_pre: "V_post += w * mV"
                      parameters: {tau: 5 ms}
                      delay: {pre: 1 ms, post: 'j * 0.5 ms'}
                    initial: {w: 'rand()'}
                    weight: 1 mV
                  L:
                    pre: P
                    post: P
                    connector: All2All
                    synapse: {model: STDP, parameters: {taupre: 15 ms}, delay: 2 ms}
                    on: V
                """);
        ProjectionSpec s = spec.projections().get(0);
        NetworkSpec.EquationSynapse eq = (NetworkSpec.EquationSynapse) s.model();
        assertEquals(11, eq.model().value().line()); // the block's first line, where its faults are reported
        assertEquals(12, eq.onPre().where().line());
        assertEquals("5 ms", eq.parameters().get("tau").scalar().text());
        assertEquals("j * 0.5 ms", eq.delays().get(org.brainj.api.sim.Synapses.Pathway.POST).scalar().text());
        assertEquals("rand()", s.initial().get("w").scalar().text());
        assertEquals(16, s.besides().get("weight").line()); // a model sets its own weight: reported there when assembled

        ProjectionSpec l = spec.projections().get(1);
        NetworkSpec.LibrarySynapseModel lib = (NetworkSpec.LibrarySynapseModel) l.model();
        assertEquals("STDP", lib.model().value());
        assertEquals(21, lib.parametersAt().line());
        assertEquals("2 ms", lib.delay().scalar().text());
        assertEquals("V", l.on().value());
        assertTrue(l.besides().containsKey("on")); // a library model takes 'on': the assembler lets it through
    }

    @Test
    void inputsPlotsAndSweepsAreRecordsToo() throws Exception {
        Path file = Files.writeString(dir.resolve("net.yaml"), """
                run: {duration: 10 ms}
                populations:
                  P: {size: 2, model: LIF}
                inputs:
                  - {type: ramp, target: P.I_ext, c_start: 0 nA, c_end: 1 nA}
                plots:
                  - {type: rate, populations: [P], bin: 2 ms}
                  - {type: rate, populations: [P], bin: 1 ms, to: 5 ms}
                sweep:
                  grid: {populations.P.parameters.tau: [10 ms, 20 ms], inputs.0.c_end: [1 nA, 2 nA]}
                  measures: [{name: cross_correlation, population: P, bin: 0.5 ms}]
                """);
        NetworkSpec spec = SpecReader.read(SpecReader.parse(file, "net.yaml"), "net", RunSettings.Overrides.NONE, dir);
        NetworkSpec.Stimulus in = spec.inputs().get(0);
        assertEquals("ramp", in.type().value());
        assertEquals("P", in.population().value());
        assertEquals("I_ext", in.variable().value());
        assertEquals(List.of("c_start", "c_end"), List.copyOf(in.values().keySet()));
        NetworkSpec.Stimulus swept = in.with("c_end", new SpecValue.Scalar("2 nA", null, new Where("net.yaml", 10, "x")));
        assertEquals("2 nA", swept.required("c_end").scalar().text());
        assertEquals("inputs[0].c_end", swept.required("c_end").where().key()); // named as the entry's key, at the sweep's line
        assertEquals(10, swept.required("c_end").where().line());

        assertEquals(List.of("rate", "rate_2"), spec.plots().stream().map(NetworkSpec.PlotEntry::name).toList());
        assertEquals(5.0, spec.plots().get(1).to(), 0);
        assertEquals(1.0, spec.plots().get(1).bin(), 0);

        NetworkSpec.SweepSection sweep = SweepReader.read(SpecReader.parse(file, "net.yaml"), dir);
        assertEquals(4, sweep.rows().size()); // 2 x 2, the first key outermost
        assertEquals("10 ms", sweep.rows().get(1).get("populations.P.parameters.tau").scalar().text());
        assertEquals("2 nA", sweep.rows().get(1).get("inputs.0.c_end").scalar().text());
        assertEquals("0.5 ms", sweep.measures().get(0).parameters().get("bin").scalar().text());
        assertTrue(sweep.populations().get("P") instanceof Neurons);
    }

    @Test
    void anUnknownKeyNamesItsCloseMatches() {
        SpecException e = assertThrows(SpecException.class, () -> read("""
                run: {duration: 10 ms}
                populations:
                  P: {size: 2, model: LIF}
                inputs:
                  - {type: ramp, target: P.I_ext, c_strat: 0 nA, c_end: 1 nA}
                """));
        assertTrue(e.getMessage().startsWith("net.yaml:5: inputs[0].c_strat: unknown key 'c_strat' (did you mean c_start?);"
                + " the keys here are type, target"), e.getMessage());
    }
}
