package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.connectors.FixedProb;
import org.brainj.examples.Coba;
import org.brainj.examples.EINetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint taken mid-run on the CPU backend and resumed in a new network, on the CPU backend
 * and on Aparapi, ends as the uninterrupted run: the same spikes and recorded V, bit for bit
 * (both backends compute these steps bit for bit, {@link CobaOnBothBackendsTest}). The network
 * has transmission delays, so spikes are in flight at the checkpoint.
 */
class CheckpointTest {
    private static final double FIRST = 37.3;
    private static final double REST = 62.7;

    @TempDir
    Path dir;

    private record Run(Network network, SpikeMonitor spikes, StateMonitor v) {
    }

    /** COBA's shape with delays of 1.5 ms (excitatory) and 0.8 ms (inhibitory). */
    private static Run delayedCoba(Backend backend) {
        long seed = 4;
        NeuronGroup p = new NeuronGroup("P", EINetwork.N, Coba.model()).init("V", Initializer.normal(-55, 5));
        Projection ce = Projection.builder("Ce", p.view(0, EINetwork.N_EXC), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed)).weight(0.6).delay(1.5).onVariable("ge").build();
        Projection ci = Projection.builder("Ci", p.view(EINetwork.N_EXC, EINetwork.N), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed + 1)).weight(6.7).delay(0.8).onVariable("gi").build();
        Network net = new Network(backend).dt(0.1).seed(seed).add(p, ce, ci);
        return new Run(net, net.spikes(p), net.monitor(p, "V", new int[] {0, 1999, 3999}, 7));
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
