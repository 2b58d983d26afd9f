package org.brainj.launcher.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.launcher.spec.Catalog;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The switch plan's checks and a departure with nowhere to go, on a network of no groups (dt 0.1 ms, 100 ms). */
class SegmentedRunTest {
    private final Backend cpu = new CpuBackend();
    private final Network network = new Network(cpu).dt(0.1);

    /** Finds nothing: no backend is registered. */
    private static final BackendSource NONE = new BackendSource() {
        @Override
        public Backend find(String name) {
            return null;
        }

        @Override
        public List<String> names() {
            return List.of();
        }
    };

    private BrainJException refused(BackendSwitch... switches) {
        return assertThrows(BrainJException.class, () -> new SegmentedRun(network, 0.1, 100, List.of(switches), NONE, (f, s) -> { }));
    }

    @Test
    void aSwitchAtTheStartOrTheEndIsNotInsideTheRun() {
        assertEquals("--switch-backend '0ms=aparapi': 0 ms is not inside the run (0 to 100 ms); give a time after the start and"
                + " before the end", refused(new BackendSwitch(0, "aparapi", "0ms=aparapi")).getMessage());
        assertEquals("--switch-backend '100ms=aparapi': 100 ms is not inside the run (0 to 100 ms); give a time after the start"
                + " and before the end", refused(new BackendSwitch(100, "aparapi", "100ms=aparapi")).getMessage());
    }

    @Test
    void aSwitchBetweenStepsIsRefused() {
        assertEquals("--switch-backend '50.05ms=aparapi': 50.05 ms is not a whole number of steps of dt = 0.1 ms; give a multiple"
                + " of dt", refused(new BackendSwitch(50.05, "aparapi", "50.05ms=aparapi")).getMessage());
    }

    @Test
    void twoSwitchesAtOneTimeAreRefused() {
        assertEquals("--switch-backend '50ms=aparapi' and '0.05s=cpu' both switch at 50 ms; give one backend per time",
                refused(new BackendSwitch(50, "aparapi", "50ms=aparapi"), new BackendSwitch(50, "cpu", "0.05s=cpu")).getMessage());
    }

    @Test
    void aBackendLeavingWithNoOtherStopsTheRunAtTheNextBoundary() throws Exception {
        SegmentedRun run = new SegmentedRun(network, 0.1, 100, List.of(), NONE, (f, s) -> { });
        // held until the run has dealt with it: the departing thread waits for the first step boundary
        Thread leaving = new Thread(() -> run.departing("cpu", cpu));
        leaving.start();
        while (leaving.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
        BrainJException stopped = assertThrows(BrainJException.class, run::run);
        leaving.join();
        assertEquals("backend 'cpu' left at t = 0 ms (its bundle stopped) and no other backend is registered; the outputs hold"
                + " what was recorded until then; start a backend bundle and run the spec again", stopped.getMessage());
        assertEquals(List.of(new BackendSpan("cpu", BackendSpan.START, 0, 0, 0, 0)), run.spans());
        assertEquals(0, network.currentStep());
    }

    /**
     * --checkpoint-every: the last checkpoint before the end (30 ms of 40, every 15 ms) resumed in
     * a newly loaded network gives the spikes of the uninterrupted run (the HH gamma spec).
     */
    @Test
    void theLastCheckpointResumesToTheUninterruptedRun(@TempDir Path dir) {
        RunSettings.Overrides forty = new RunSettings.Overrides(40.0, null, null, null);
        SpecRun plain = load(forty);
        new SegmentedRun(plain.network(), 0.04, 40, List.of(), NONE, (f, s) -> { }).run();
        SpecRun first = load(forty);
        Path file = dir.resolve("checkpoint.brainj");
        new SegmentedRun(first.network(), 0.04, 40, List.of(), NONE, (f, s) -> { }).checkpointEvery(15, file).run();
        SpecRun resumed = load(forty);
        resumed.network().load(file);
        assertEquals(30, resumed.network().time(), 1e-9);
        new SegmentedRun(resumed.network(), 0.04, 10, List.of(), NONE, (f, s) -> { }).run();
        SpikeMonitor a = plain.spikes().get("HH");
        SpikeMonitor b = resumed.spikes().get("HH");
        assertTrue(a.count() > 50, a.count() + " spikes");
        assertArrayEquals(a.steps(), b.steps());
        assertArrayEquals(a.indices(), b.indices());
        assertEquals("--checkpoint-every 0.05 ms is not a whole number of steps of dt = 0.04 ms; give a multiple of dt, e.g. 100 ms",
                assertThrows(BrainJException.class, () -> new SegmentedRun(first.network(), 0.04, 40, List.of(), NONE, (f, s) -> { })
                        .checkpointEvery(0.05, file)).getMessage());
    }

    private static SpecRun load(RunSettings.Overrides o) {
        return SpecLoader.load(SweepTest.HH_GAMMA, "hh_gamma.yaml", o,
                Catalog.classpath());
    }
}
