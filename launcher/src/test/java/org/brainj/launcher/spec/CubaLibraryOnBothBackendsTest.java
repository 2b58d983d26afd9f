package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainj.backend.aparapi.RequiresOpenCL;
import org.junit.jupiter.api.Test;

/**
 * The first 0.1 s of examples/cuba_library.yaml (the library's Exponential fused as two channels
 * into the group's step kernel) on the aparapi backend as on cpu: the same spikes, neuron by
 * neuron and step by step, as the COBA network gives on both.
 */
@RequiresOpenCL
class CubaLibraryOnBothBackendsTest {
    private static SpecRun run(String backend) throws Exception {
        SpecRun run = SpecLoader.load(Path.of("..", "examples", "cuba_library.yaml"), "cuba_library.yaml",
                new RunSettings.Overrides(100.0, null, 1L, backend), Catalog.classpath());
        run.network().run(run.settings().duration());
        return run;
    }

    @Test
    void spikesOfTheFusedLibrarySynapsesAreTheCpuBackends() throws Exception {
        SpecRun cpu = run("cpu");
        SpecRun device = run("aparapi");
        assertTrue(cpu.synapses().get("Ce").isMerged() && device.synapses().get("Ce").usesAlignPost());
        int[] cpuNeurons = cpu.spikes().get("P").indices();
        assertTrue(cpuNeurons.length > 500, cpuNeurons.length + " spikes");
        assertArrayEquals(cpu.spikes().get("P").steps(), device.spikes().get("P").steps());
        assertArrayEquals(cpuNeurons, device.spikes().get("P").indices());
    }
}
