package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.SynapseMonitor;
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

    /**
     * Plastic synapses (STDP with a delay, {@link SynapsesOnBothBackendsTest}'s network) with a
     * monitor on their weights: on each backend, a run saved at 60.3 ms and continued to its end
     * is matched bit for bit by a new network that loads the checkpoint and runs the rest, the
     * weights' records included. (The two backends agree on the weights only to the last bits of
     * OpenCL's exp, so each resumed run is held to its own backend's; each backend's network
     * builds twice, as a PoCL build of these kernels takes seconds.)
     */
    @Test
    void aResumedRunKeepsItsSynapseMonitorsRecordsAndEndsAsTheUninterruptedRun() {
        int[] picked = {0, 7, 133, 399};
        for (Backend backend : new Backend[] {new CpuBackend(), new AparapiBackend()}) {
            String on = " on " + backend.name();
            SynapsesOnBothBackendsTest.Run plain = SynapsesOnBothBackendsTest.build(backend);
            SynapseMonitor plainW = plain.stdp().monitor("w", picked, 3);
            plain.net().run(60.3);
            Path file = dir.resolve("stdp-" + backend.name() + ".ckpt");
            plain.net().save(file);
            plain.net().run(120 - 60.3);
            assertTrue(plain.spikes().count() > 50, plain.spikes().count() + " spikes" + on);

            SynapsesOnBothBackendsTest.Run resumed = SynapsesOnBothBackendsTest.build(backend);
            SynapseMonitor resumedW = resumed.stdp().monitor("w", picked, 3);
            resumed.net().load(file);
            resumed.net().run(120 - 60.3);
            assertArrayEquals(plain.spikes().steps(), resumed.spikes().steps(), "spike time indices" + on);
            assertArrayEquals(plain.spikes().indices(), resumed.spikes().indices(), "spiking neurons" + on);
            assertArrayEquals(plainW.steps(), resumedW.steps(), "steps of the weight records" + on);
            assertArrayEquals(plainW.values(), resumedW.values(), "recorded weights" + on);
            assertTrue(java.util.Arrays.stream(plainW.values()).flatMapToDouble(java.util.Arrays::stream).distinct().count() > 4,
                    "the weights change" + on);
        }
    }
}
