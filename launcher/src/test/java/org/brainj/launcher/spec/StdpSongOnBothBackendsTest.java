package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainj.backend.aparapi.RequiresOpenCL;
import org.junit.jupiter.api.Test;

/**
 * The first 0.5 s of examples/stdp_song.yaml (1000 Poisson inputs, STDP onto one neuron) on the
 * aparapi backend as on cpu: the same output spikes and the same weights, up to the last bits of
 * OpenCL's exp in the event-driven trace decay. On the device on_pre (which adds into ge_post)
 * runs in one work item per post-synaptic neuron and on_post in one per synapse.
 */
@RequiresOpenCL
class StdpSongOnBothBackendsTest {
    private static SpecRun run(String backend) throws Exception {
        SpecRun run = SpecLoader.load(Path.of("..", "examples", "stdp_song.yaml"), "stdp_song.yaml",
                new RunSettings.Overrides(500.0, null, 1L, backend), Catalog.classpath());
        run.network().run(run.settings().duration());
        return run;
    }

    @Test
    void weightsAndSpikesAfterHalfASecondAreTheCpuBackends() throws Exception {
        SpecRun cpu = run("cpu");
        SpecRun device = run("aparapi");
        double[] cpuTimes = cpu.spikes().get("N").times();
        assertTrue(cpuTimes.length > 10, cpuTimes.length + " output spikes");
        assertArrayEquals(cpuTimes, device.spikes().get("N").times());
        double[] expected = cpu.synapses().get("S").variable("w").toDoubleArray();
        double[] got = device.synapses().get("S").variable("w").toDoubleArray();
        assertEquals(1000, got.length);
        for (int s = 0; s < expected.length; s++) {
            assertEquals(expected[s], got[s], 1e-12, "w[" + s + "]");
        }
    }
}
