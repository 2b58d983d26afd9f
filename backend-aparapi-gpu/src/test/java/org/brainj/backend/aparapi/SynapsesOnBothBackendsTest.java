package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * Equation synapses (STDP with event-driven traces, clip, rand() and randn(), delays on both
 * pathways, a (summed) coupling) run
 * on the aparapi backend as on cpu, and continue across a hot switch: the same spikes, and the
 * same weights up to the last bits of OpenCL's exp (the event-driven decay).
 */
@RequiresOpenCL
class SynapsesOnBothBackendsTest {
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();
    private static final int N = 20;

    record Run(Network net, Synapses stdp, SpikeMonitor spikes) {
    }

    static Run build(Backend backend) {
        CompiledNeuron lif = NeuronText.of("dv/dt = (drive - v + g + Igap) / (10*ms) : 1\ndg/dt = -g / (5*ms) : 1\n"
                + "drive : 1\nIgap : 1").threshold("v > 1").reset("v = 0").perNeuron("drive").perNeuron("Igap")
                .compile("LIF");
        double[] drive = new double[N];
        for (int i = 0; i < N; i++) {
            drive[i] = 1.02 + 0.01 * i;
        }
        NeuronGroup p = lif.group("P", N).set("drive", Initializer.values(drive)).set("Igap", Initializer.constant(0));
        int[] indptr = new int[N + 1];
        int[] indices = new int[N * N];
        for (int i = 0; i < N; i++) {
            indptr[i + 1] = (i + 1) * N;
            for (int j = 0; j < N; j++) {
                indices[i * N + j] = j;
            }
        }
        Csr all = new Csr(indptr, indices, null);
        Synapses stdp = new Synapses("S", SynapseText.of("""
                w : 1
                dApre/dt = -Apre / (20*ms) : 1 (event-driven)
                dApost/dt = -Apost / (20*ms) : 1 (event-driven)""")
                .onPre("g_post += w\nApre += 0.01\nw = clip(w + Apost + 0.001 * (rand() - 0.5), 0, 0.2)")
                .onPost("Apost -= 0.0105 * (1 + 0.1 * randn())\nw = clip(w + Apre, 0, 0.2)").delay("1.5 ms")
                .postDelay("0.5 ms")
                .compile("S", lif, lif).model(), p, p, all).init("w", 0.05);
        Synapses gap = new Synapses("G", SynapseText.of("Igap_post = 0.01 * (v_pre - v_post) : 1 (summed)")
                .compile("G", lif, lif).model(), p, p, all);
        Network net = new Network(backend).dt(0.1).add(p, stdp, gap);
        return new Run(net, stdp, net.spikes(p));
    }

    @Test
    void equationSynapsesGiveTheSameSpikesAndWeightsOnBothBackendsAndAcrossASwitch() {
        Run cpu = build(CPU);
        cpu.net().run(200);
        Run device = build(APARAPI);
        device.net().run(200);
        Run switched = build(CPU);
        switched.net().run(100);
        switched.net().moveTo(APARAPI);
        switched.net().run(100);
        assertTrue(cpu.spikes().times().length > 50, cpu.spikes().times().length + " spikes");
        for (Run other : new Run[] {device, switched}) {
            assertArrayEquals(cpu.spikes().indices(), other.spikes().indices());
            assertArrayEquals(cpu.spikes().times(), other.spikes().times());
            double[] expected = cpu.stdp().variable("w").toDoubleArray();
            double[] got = other.stdp().variable("w").toDoubleArray();
            for (int s = 0; s < expected.length; s++) {
                assertEquals(expected[s], got[s], 1e-12, "w[" + s + "]");
            }
        }
    }
}
