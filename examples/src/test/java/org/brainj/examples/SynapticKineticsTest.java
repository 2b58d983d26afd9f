package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/**
 * A receptor with per-synapse kinetics, as Brian2 writes an NMDA-like synapse: a clock-driven
 * gate {@code ds/dt = -s/tau_s} per synapse, opened by {@code on_pre: s += 1} after a delay,
 * and a {@code (summed)} current {@code I_syn_post = g * s * (E - v_post)} into a neuron that
 * holds its voltage. Checked against the model written out: the gate decays by forward Euler's
 * factor (1 - dt/tau_s) per step from the step after the spike arrives, and the current is the
 * sum of the gates of the synapses onto the neuron.
 */
class SynapticKineticsTest {
    private static final double DT = 0.1;

    @Test
    void clockDrivenGatesAndSummedCurrentsFollowTheModelWrittenOut() {
        // A: two sources that spike once each (v rises at their rates, then is reset far below threshold)
        CompiledNeuron source = NeuronText.of("dv/dt = rate : 1\nrate : 1").threshold("v > 1").reset("v = -100")
                .perNeuron("rate").compile("A");
        NeuronGroup a = source.group("A", 2).set("rate", Initializer.values(0.1, 0.05));
        CompiledNeuron clamp = NeuronText.of("dv/dt = 0*mV/ms : volt\nI_syn : amp").perNeuron("I_syn").compile("B");
        NeuronGroup b = clamp.group("B", 1).init("v", Initializer.constant(-65)).set("I_syn", Initializer.constant(0));
        Synapses s = new Synapses("NMDA", SynapseText.of("""
                ds/dt = -s / tau_s : 1 (clock-driven)
                I_syn_post = g * s * (E - v_post) : amp (summed)""")
                .onPre("s += 1").parameter("tau_s", "100 ms").parameter("g", "1 nS").parameter("E", "0 mV")
                .delay("2 ms").compile("NMDA", source, clamp).model(), a, b,
                new Csr(new int[] {0, 1, 2}, new int[] {0, 0}, null));
        Network net = new Network(Backends.get("cpu")).dt(DT).add(a, b, s);
        SynapseMonitor gates = s.monitor("s", null, 1);
        var spikes = net.spikes(a);
        net.run(60);
        double[][] recorded = gates.values();
        double[] arrival = new double[2];
        for (int k = 0; k < 2; k++) {
            arrival[spikes.indices()[k]] = Math.round(spikes.times()[k] / DT) + 20; // 2 ms of delay
        }
        for (int step = 0; step < recorded.length; step++) {
            for (int syn = 0; syn < 2; syn++) {
                // recorded before step 'step' updates: the spike arrived after the update of its step
                double expected = step <= arrival[syn] ? 0 : Math.pow(1 - DT / 100, step - arrival[syn] - 1);
                assertEquals(expected, recorded[step][syn], 1e-12, "s[" + syn + "] at step " + step);
            }
        }
        // the summed current after the last step was set before the last step's update, from the gates then:
        // 1 nS * 65 mV = 0.065 nA per open gate (0.001 uS * 65 mV)
        double[] last = recorded[recorded.length - 1];
        assertEquals(0.001 * (last[0] + last[1]) * 65, b.variable("I_syn").toDoubleArray()[0], 1e-12);
    }
}
