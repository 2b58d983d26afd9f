package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint taken mid-run on the CPU backend and resumed in a new network, on the CPU backend
 * and on Aparapi, ends as the uninterrupted run: the same spikes and recorded V, bit for bit
 * (both backends compute these steps bit for bit, {@link CobaOnBothBackendsTest}). The network
 * has transmission delays, so spikes are in flight at the checkpoint.
 */
@RequiresOpenCL
class CheckpointTest {
    private static final double FIRST = 37.3;
    private static final double REST = 62.7;

    @TempDir
    Path dir;

    private record Run(Network network, SpikeMonitor spikes, StateMonitor v) {
    }

    /** The delayed COBA network of {@link HotSwitchTest}, with its spikes and three neurons' V monitored. */
    private static Run delayedCoba(Backend backend) {
        HotSwitchTest.Delayed d = HotSwitchTest.delayedCoba(backend);
        Network net = d.network();
        return new Run(net, net.spikes(d.group()), net.monitor(d.group(), "V", new int[] {0, 1999, 3999}, 7));
    }

    @Test
    void aRunResumedFromACheckpointOnEitherBackendIsTheUninterruptedRun() {
        Run plain = delayedCoba(new CpuBackend());
        plain.network().run(FIRST + REST);
        assertTrue(plain.spikes().count() > 1000, "the network is active: " + plain.spikes().count() + " spikes");

        Run first = delayedCoba(new CpuBackend());
        first.network().run(FIRST);
        Path file = dir.resolve("coba.ckpt");
        first.network().save(file);

        for (Backend backend : new Backend[] {new CpuBackend(), new AparapiBackend()}) {
            Run resumed = delayedCoba(backend);
            resumed.network().load(file);
            assertEquals(first.network().currentStep(), resumed.network().currentStep());
            resumed.network().run(REST);
            String on = " resumed on " + backend.name();
            assertArrayEquals(plain.spikes().steps(), resumed.spikes().steps(), "spike time indices" + on);
            assertArrayEquals(plain.spikes().indices(), resumed.spikes().indices(), "spiking neurons" + on);
            assertArrayEquals(plain.v().times(), resumed.v().times(), "recording times" + on);
            assertArrayEquals(plain.v().values(), resumed.v().values(), "recorded V" + on);
        }
    }
}
