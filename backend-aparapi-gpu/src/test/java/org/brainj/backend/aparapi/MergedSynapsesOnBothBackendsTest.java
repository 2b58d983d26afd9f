package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
 * A kinetic synapse written per synapse that the compiler merges per post-synaptic neuron
 * (linear clock-driven gate, constant weights, summed current) runs on the aparapi backend as
 * on cpu and continues across a hot switch: the merged state moves with the network and the
 * spikes are the same.
 */
@RequiresOpenCL
class MergedSynapsesOnBothBackendsTest {
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();
    private static final int N = 20;

    record Run(Network net, Synapses syn, SpikeMonitor spikes, NeuronGroup group) {
    }

    static Run build(Backend backend) {
        CompiledNeuron lif = NeuronText.of("dv/dt = (drive - v + Isyn) / (10*ms) : 1\ndrive : 1\nIsyn : 1")
                .threshold("v > 1").reset("v = 0").perNeuron("drive").perNeuron("Isyn").compile("LIF");
        double[] drive = new double[N];
        for (int i = 0; i < N; i++) {
            drive[i] = 1.1 + 0.02 * i;
        }
        NeuronGroup p = lif.group("P", N).set("drive", Initializer.values(drive)).set("Isyn", Initializer.constant(0));
        int[] indptr = new int[N + 1];
        int[] indices = new int[N * (N - 1)];
        double[] w = new double[indices.length];
        int k = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                if (j != i) {
                    indices[k] = j;
                    w[k++] = (i % 3 == 0 ? -0.02 : 0.01) * (1 + 0.1 * j);
                }
            }
            indptr[i + 1] = k;
        }
        Synapses syn = new Synapses("S", SynapseText.of("""
                w : 1
                ds/dt = -s / (5*ms) : 1 (clock-driven)
                Isyn_post = w * s : 1 (summed)""").onPre("s += 1").delay("1 ms")
                .compile("S", lif, lif).model(), p, p, new Csr(indptr, indices, null)).init("w", w);
        Network net = new Network(backend).dt(0.1).add(p, syn);
        return new Run(net, syn, net.spikes(p), p);
    }

    @Test
    void aMergedSynapseGivesTheSameSpikesOnBothBackendsAndAcrossASwitch() {
        Run cpu = build(CPU);
        cpu.net().run(60);
        Run device = build(APARAPI);
        device.net().run(60);
        Run switched = build(CPU);
        switched.net().run(30);
        switched.net().moveTo(APARAPI);
        switched.net().run(30);
        assertTrue(cpu.syn().isMerged() && device.syn().isMerged() && switched.syn().isMerged());
        assertTrue(cpu.spikes().times().length > 20, cpu.spikes().times().length + " spikes");
        for (Run other : new Run[] {device, switched}) {
            assertArrayEquals(cpu.spikes().indices(), other.spikes().indices());
            assertArrayEquals(cpu.spikes().times(), other.spikes().times());
            assertArrayEquals(cpu.group().variable("v").toDoubleArray(), other.group().variable("v").toDoubleArray(), 1e-12);
        }
    }
}
