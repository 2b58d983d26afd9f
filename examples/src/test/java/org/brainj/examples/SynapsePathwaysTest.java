package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.brainj.api.connect.Csr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/**
 * Brian2's pathways written out: per-synapse pre-synaptic delays from an expression of j, a
 * post-synaptic delay, and rand() inside on_pre, against what each means for one known spike of
 * each group, computed in the test.
 */
class SynapsePathwaysTest {
    private static final double DT = 0.1;
    /** One pre-synaptic neuron onto this many post-synaptic ones. */
    private static final int POST = 2000;

    @Test
    void delaysOfBothPathwaysAndDrawsInOnPreFollowBrian2sSemantics() {
        // A fires once in step 9 (v = 0.1 k after step k; v > 1 from the step that ends at 1.0 ms, rounded)
        CompiledNeuron ramp = NeuronText.of("dv/dt = rate : 1\nrate : 1").threshold("v > 1").reset("v = -1000")
                .perNeuron("rate").compile("ramp");
        NeuronGroup a = ramp.group("A", 1).set("rate", Initializer.constant(1.0));
        // B's neurons fire once each, neuron j in the step its own rate makes it cross
        double[] rates = new double[POST];
        Arrays.setAll(rates, j -> 0.25 + 0.25 * (j % 4));
        NeuronGroup b = ramp.group("B", POST).set("rate", Initializer.values(rates));
        int[] indices = new int[POST];
        Arrays.setAll(indices, j -> j);
        Synapses s = new Synapses("S", SynapseText.of("u : 1\narrived : 1\nheard : 1")
                .onPre("u = rand()\narrived = t").onPost("heard = t").postDelay("0.7 ms")
                .compile("S", ramp, ramp).model(), a, b, new Csr(new int[] {0, POST}, indices, null))
                .delays(Synapses.Pathway.PRE, ExpressionParser.parse("j * 0.003"))
                .init("arrived", -1).init("heard", -1);
        Network net = new Network(Backends.get("cpu")).dt(DT).add(a, b, s);
        SpikeMonitor preSpikes = net.spikes(a);
        SpikeMonitor postSpikes = net.spikes(b);
        net.run(10);
        long preStep = Math.round(preSpikes.times()[0] / DT);
        long[] postStep = new long[POST];
        for (int k = 0; k < postSpikes.indices().length; k++) {
            postStep[postSpikes.indices()[k]] = Math.round(postSpikes.times()[k] / DT);
        }
        assertEquals(POST, postSpikes.indices().length, "every B neuron fires once");
        double[] arrived = s.variable("arrived").toDoubleArray();
        double[] heard = s.variable("heard").toDoubleArray();
        double[] u = s.variable("u").toDoubleArray();
        for (int j = 0; j < POST; j++) {
            // on_pre runs in the step the spike arrives: the spike's step plus the delay in steps
            long delaySteps = Math.round(j * 0.003 / DT);
            assertEquals((preStep + delaySteps) * DT, arrived[j], 1e-9, "on_pre of synapse " + j);
            assertEquals((postStep[j] + 7) * DT, heard[j], 1e-9, "on_post of synapse " + j);
            assertTrue(u[j] >= 0 && u[j] < 1, "rand() = " + u[j]);
        }
        // one uniform draw per synapse: mean 1/2, variance 1/12
        double mean = Arrays.stream(u).average().orElseThrow();
        assertEquals(0.5, mean, 4 * Math.sqrt(1.0 / 12 / POST), "mean of rand() over the synapses");
        assertTrue(Arrays.stream(u).distinct().count() == POST, "each synapse draws its own number");
    }
}
