package org.brainj.models.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.brainj.api.expr.Exprs;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/**
 * Files read with {@link ModelFiles.Compile#ON_FIRST_USE} (issue 11): listed from what they say,
 * compiled at first use, once; a fault found then names the file and line as one found at load does.
 */
class CompileOnFirstUseTest {
    /** {@link ModelFileTest#GOOD} with tau in volts: dV/dt, on line 8, then has the unit volt/volt. */
    private static final String BAD_UNITS = ModelFileTest.GOOD.replace("tau: 10 ms", "tau: 10 mV");

    @Test
    void aModelAtFaultIsListedAndItsFirstUseNamesTheFileAndLine() {
        List<ModelFileException> faults = new ArrayList<>();
        List<FileModel> models = ModelFiles.models(Map.of("Leaky.model", BAD_UNITS), ModelFiles.Compile.ON_FIRST_USE,
                faults::add);
        assertEquals(List.of(), faults);
        FileModel m = models.get(0);
        assertEquals("Leaky", m.name());
        assertEquals(List.of(ParamSpec.optional("E_L", "mV", "-70", "resting potential"),
                ParamSpec.optional("tau", "mV", "10", "membrane time constant"),
                ParamSpec.optional("V_th", "mV", "-50", "threshold")), m.parameters());
        assertEquals("exponential_euler", m.method());
        assertEquals(0.1, m.dt(), 0);
        for (int use = 0; use < 2; use++) { // each use reports it, none hides it
            ModelFileException e = assertThrows(ModelFileException.class, () -> m.create(Map.of()));
            assertTrue(e.getMessage().startsWith("Leaky.model:8: "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void atLoadTheSameFaultLeavesTheFileOutWithTheSameLine() {
        List<ModelFileException> faults = new ArrayList<>();
        assertEquals(List.of(), ModelFiles.models(Map.of("Leaky.model", BAD_UNITS), ModelFiles.Compile.AT_LOAD, faults::add));
        assertEquals(1, faults.size());
        assertTrue(faults.get(0).getMessage().startsWith("Leaky.model:8: "), faults.get(0).getMessage());
    }

    @Test
    void whatTheTextCannotBeIsStillRefusedAtLoad() {
        List<ModelFileException> faults = new ArrayList<>();
        // read in file-name order, as a bundle's folder is: A.model's Leaky is the one kept
        Map<String, String> files = new TreeMap<>(Map.of("A.model", ModelFileTest.GOOD, "B.model", ModelFileTest.GOOD,
                "C.model", ModelFileTest.GOOD.replace("name: Leaky", "name: C").replace("dt: 0.1 ms", "dt: 0.1 mV")));
        List<FileModel> models = ModelFiles.models(files, ModelFiles.Compile.ON_FIRST_USE, faults::add);
        assertEquals(List.of("Leaky"), models.stream().map(FileModel::name).toList());
        List<String> messages = faults.stream().map(ModelFileException::getMessage).sorted().toList();
        assertEquals(2, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("B.model:1: model 'Leaky' is defined in A.model already"), messages.get(0));
        assertTrue(messages.get(1).startsWith("C.model:5: dt: '0.1 mV' is not a positive time"), messages.get(1));
    }

    @Test
    void aSynapseAtFaultIsListedAndItsFirstCompileNamesTheFileAndLine() {
        // g_post += w * u (line 10) adds a plain number to volts
        String text = SynapseFileTest.GOOD.replace("target: g : 1", "target: g : volt");
        List<ModelFileException> faults = new ArrayList<>();
        List<FileSynapse> synapses = ModelFiles.synapses(Map.of("F.synapse", text), ModelFiles.Compile.ON_FIRST_USE,
                faults::add);
        assertEquals(List.of(), faults);
        FileSynapse s = synapses.get(0);
        assertEquals(new SynapseModelFactory.Port("g", PhysicalUnits.parse("volt")), s.target());
        assertEquals(false, s.summed());
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> s.compile("S", Map.of(), SynapseFileTest.groups()));
        assertTrue(e.getMessage().startsWith("F.synapse:10:"), e.getMessage());
    }

    /** Whether a synapse sets its target every step is read from the text's (summed) flag, before it is compiled. */
    @Test
    void aSummedTargetIsKnownBeforeCompiling() {
        FileSynapse gap = new FileSynapse(ModelFile.parse("Gap.synapse", """
                name: Gap
                target: I_gap : amp
                membrane: v
                equations:
                    I_gap_post = g * (v_pre - v_post) : amp (summed)
                parameters:
                    g: 1 nS
                """));
        assertEquals(true, gap.summed());
        assertEquals(false, new FileSynapse(ModelFile.parse("F.synapse", SynapseFileTest.GOOD)).summed());
    }

    @Test
    void anOutputAtFaultIsListedAndItsFirstUseNamesTheFileAndLine() {
        String text = """
                name: Bad
                conductance: g : siemens
                membrane: v
                equations:
                    I = g * (E - v) * v : amp
                parameters:
                    E: 0 mV
                """;
        List<ModelFileException> faults = new ArrayList<>();
        List<FileOutput> outputs = ModelFiles.outputs(Map.of("Bad.output", text), ModelFiles.Compile.ON_FIRST_USE, faults::add);
        assertEquals(List.of(), faults);
        assertEquals(PhysicalUnits.parse("siemens"), outputs.get(0).conductance());
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> outputs.get(0).current(Map.of(), Exprs.var("g"), Exprs.var("v")));
        assertTrue(e.getMessage().startsWith("Bad.output:5:"), e.getMessage());
    }

    /** Runs that share a model compile it once: every thread gets the same compiled text. */
    @Test
    void threadsThatFirstUseAModelTogetherShareOneCompilation() throws Exception {
        FileModel m = new FileModel(ModelFile.parse("Leaky.model", ModelFileTest.GOOD));
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<CompiledNeuron>> got = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                got.add(pool.submit(() -> {
                    go.await();
                    return m.compiled();
                }));
            }
            go.countDown();
            for (Future<CompiledNeuron> f : got) {
                assertSame(got.get(0).get(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The catalog's own files are compiled at first use, so its build compiles each of them here. */
    @Test
    void everyCatalogFileCompiles() {
        ClasspathModels catalog = new ClasspathModels();
        List<NeuronModelFactory> models = catalog.models();
        List<SynapseModelFactory> synapses = catalog.synapses();
        List<OutputModelFactory> outputs = catalog.outputs();
        assertTrue(models.size() >= 21 && synapses.size() >= 14 && outputs.size() >= 3,
                models.size() + " models, " + synapses.size() + " synapses, " + outputs.size() + " outputs");
        models.forEach(m -> ((FileModel) m).compileNow());
        synapses.forEach(s -> ((FileSynapse) s).compileNow());
        outputs.forEach(o -> ((FileOutput) o).compileNow());
    }
}
