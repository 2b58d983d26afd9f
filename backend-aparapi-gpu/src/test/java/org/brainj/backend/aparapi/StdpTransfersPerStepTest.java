package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Synapses;
import org.junit.jupiter.api.Test;

/**
 * An STDP step on the device moves nothing between host and device: {@code on_pre} and
 * {@code on_post} (delays on both pathways) take the groups' spike lists where the groups wrote
 * them. A synaptic program handed its synapses from the host would cost at least one read-back
 * per pathway and step here.
 */
@RequiresOpenCL
class StdpTransfersPerStepTest {
    private static final int N = 20;

    @Test
    void anStdpStepIsNoTransfer() {
        AparapiBackend backend = new AparapiBackend();
        CompiledNeuron lif = NeuronText.of("dv/dt = (drive - v + g) / (10*ms) : 1\ndg/dt = -g / (5*ms) : 1\ndrive : 1")
                .threshold("v > 1").reset("v = 0").perNeuron("drive").compile("LIF");
        double[] drive = new double[N];
        for (int i = 0; i < N; i++) {
            drive[i] = 1.02 + 0.01 * i;
        }
        NeuronGroup p = lif.group("P", N).set("drive", Initializer.values(drive));
        int[] indptr = new int[N + 1];
        int[] indices = new int[N * N];
        for (int i = 0; i < N; i++) {
            indptr[i + 1] = (i + 1) * N;
            for (int j = 0; j < N; j++) {
                indices[i * N + j] = j;
            }
        }
        Synapses stdp = new Synapses("S", SynapseText.of("""
                w : 1
                dApre/dt = -Apre / (20*ms) : 1 (event-driven)
                dApost/dt = -Apost / (20*ms) : 1 (event-driven)""")
                .onPre("g_post += w\nApre += 0.01\nw = clip(w + Apost, 0, 0.2)")
                .onPost("Apost -= 0.0105\nw = clip(w + Apre, 0, 0.2)").delay("1.5 ms").postDelay("0.5 ms")
                .compile("S", lif, lif).model(), p, p, new Csr(indptr, indices, null)).init("w", 0.05);
        // the runtime's finite-state check (a reduction read back every 50 steps) is no delivery
        Network net = new Network(backend).dt(0.1).add(p, stdp).checkFiniteEvery(1_000_000);
        net.run(5);
        // two runs, of 100 and 200 steps: their difference is 100 steps without what a run costs once
        long once = transfers(backend, net, 10);
        long twice = transfers(backend, net, 20);
        assertEquals(0, twice - once, "transfers in 100 steps");
        double[] w = stdp.variable("w").toDoubleArray();
        long changed = java.util.Arrays.stream(w).filter(x -> x != 0.05).count();
        assertTrue(changed > w.length / 2, "on_pre and on_post ran: " + changed + " of " + w.length + " weights changed");
    }

    private static long transfers(AparapiBackend backend, Network net, double duration) {
        long before = backend.device().transfers();
        net.run(duration);
        return backend.device().transfers() - before;
    }
}
