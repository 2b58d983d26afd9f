package org.brainj.examples;

import static org.brainj.examples.Brian2Reference.matrix;
import static org.brainj.examples.Brian2Reference.transpose;
import static org.brainj.examples.Brian2Reference.vector;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/**
 * Synapses with per-synapse equations against Brian2 2.5.1 run on this machine on the same
 * equations ({@code examples/brian2-synapses/gap_nmda.py}, its output in
 * {@code brian2-synapses/brian2-2.5.1}): Brian2's gap-junction example, whose current is a
 * {@code (summed)} variable, and an NMDA synapse with per-synapse kinetics integrated with rk4
 * and a magnesium-blocked {@code (summed)} current. Spikes must be the same steps; traces agree
 * to {@value #V_TOLERANCE} (the two simulators round differently: Brian2's exact update is
 * sympy's closed form, its rk4 NumPy's expression order).
 */
class Brian2SynapsesTest {
    private static final Path FOLDER = Path.of("brian2-synapses", "brian2-2.5.1");
    private static final double DT = 0.1;
    /** Absolute tolerance on v (unitless in the gap-junction model, mV in the NMDA one) and on s_nmda. */
    private static final double V_TOLERANCE = 1e-9;

    /** Brian2's examples/synapses/gapjunctions.py: v of all 10 neurons each step, and the spikes. */
    @Test
    void gapJunctionsMatchBrian2() {
        Map<?, ?> ref = Brian2Reference.document(FOLDER, "gapjunctions");
        int n = 10;
        CompiledNeuron lif = NeuronText.of("dv/dt = (v0 - v + Igap) / tau : 1\nIgap : 1").threshold("v > 1")
                .reset("v = 0").parameter("v0", 1.05).parameter("tau", "10 ms").perNeuron("Igap").compile("gap");
        double[] start = new double[n];
        Arrays.setAll(start, i -> i * 1.0 / (n - 1));
        NeuronGroup g = lif.group("neurons", n).method(GroupIntegrator.method("exact"))
                .set("Igap", Initializer.constant(0)).init("v", Initializer.values(start));
        Synapses s = new Synapses("S", SynapseText.of("w : 1\nIgap_post = w * (v_pre - v_post) : 1 (summed)")
                .compile("S", lif, lif).model(), g, g, allToAll(n, n)).init("w", 0.02);
        Network net = new Network(Backends.get("cpu")).dt(DT).add(g, s);
        StateMonitor v = net.monitor(g, "v");
        SpikeMonitor spikes = net.spikes(g);
        net.run(500);
        assertTraces("v", transpose(matrix(ref.get("v"))), v.values(), V_TOLERANCE);
        assertSpikes(ref, spikes);
    }

    /**
     * An NMDA synapse as Brian2's users write it: a rise variable x kicked by each spike and a gate
     * s_nmda driven by it, both per synapse and clock-driven (rk4), and the current
     * {@code g w s (E - v) / (1 + [Mg] e^(-0.062 v/mV) / 3.57)} summed onto leaky integrate-and-fire
     * neurons; 3 spike generators, all-to-all onto 2 neurons, w = 0.5 + 0.25 i + 0.5 j.
     */
    @Test
    void nmdaSynapsesWithPerSynapseKineticsMatchBrian2() {
        Map<?, ?> ref = Brian2Reference.document(FOLDER, "nmda");
        CompiledNeuron source = NeuronText.of("input : 1").input("input").threshold("input > 0.5").compile("generator");
        NeuronGroup pre = SpikeTimeGroup.create("pre", 3);
        CompiledNeuron lif = NeuronText.of("dv/dt = (EL - v) / tau + I_nmda / C : volt\nI_nmda : amp")
                .threshold("v > -50*mV").reset("v = -60*mV").parameter("EL", "-70 mV").parameter("tau", "20 ms")
                .parameter("C", "200 pF").perNeuron("I_nmda").compile("lif");
        NeuronGroup post = lif.group("post", 2).init("v", Initializer.constant(-70)).set("I_nmda", Initializer.constant(0));
        Synapses s = new Synapses("NMDA", SynapseText.of("""
                ds_nmda/dt = -s_nmda / tau_decay + alpha * x * (1 - s_nmda) : 1 (clock-driven)
                dx/dt = -x / tau_rise : 1 (clock-driven)
                w : 1
                I_nmda_post = g_nmda * w * s_nmda * (E_nmda - v_post) / (1 + Mg * exp(-0.062 * v_post / mV) / 3.57) : amp (summed)""")
                .onPre("x += 1").method("rk4").parameter("tau_decay", "100 ms").parameter("tau_rise", "2 ms")
                .parameter("alpha", "0.5 kHz").parameter("g_nmda", "15 nS").parameter("E_nmda", "0 mV")
                .parameter("Mg", 1.0).compile("NMDA", source, lif).model(), pre, post, csr(ref, 3))
                .init("w", vector(ref.get("w")));
        Network net = new Network(Backends.get("cpu")).dt(DT).add(pre, post, s,
                SpikeTimeGroup.events(pre, ints(ref.get("source_i")), vector(ref.get("source_t_ms"))));
        StateMonitor v = net.monitor(post, "v");
        SynapseMonitor gate = s.monitor("s_nmda", null, 1);
        SpikeMonitor spikes = net.spikes(post);
        net.run(300);
        assertTraces("s_nmda", transpose(matrix(ref.get("s_nmda"))), gate.values(), V_TOLERANCE);
        assertTraces("v (mV)", transpose(matrix(ref.get("v_mV"))), v.values(), V_TOLERANCE);
        assertSpikes(ref, spikes);
        assertTrue(spikes.times().length >= 3, "the NMDA current makes the neuron fire: " + spikes.times().length);
    }

    private static Csr allToAll(int pre, int post) {
        int[] indptr = new int[pre + 1];
        int[] indices = new int[pre * post];
        for (int i = 0; i < pre; i++) {
            indptr[i + 1] = (i + 1) * post;
            for (int j = 0; j < post; j++) {
                indices[i * post + j] = j;
            }
        }
        return new Csr(indptr, indices, null);
    }

    /** Brian2's synapses (its order is by i, then j: CSR order) as a CSR. */
    private static Csr csr(Map<?, ?> ref, int preSize) {
        int[] i = ints(ref.get("syn_i"));
        int[] indptr = new int[preSize + 1];
        for (int k = 0; k < i.length; k++) {
            assertTrue(k == 0 || i[k] >= i[k - 1], "Brian2's synapses are in CSR order");
            indptr[i[k] + 1]++;
        }
        for (int r = 0; r < preSize; r++) {
            indptr[r + 1] += indptr[r];
        }
        return new Csr(indptr, ints(ref.get("syn_j")), null);
    }

    private static int[] ints(Object list) {
        return Arrays.stream(vector(list)).mapToInt(x -> (int) x).toArray();
    }

    private static void assertTraces(String what, double[][] brian2, double[][] ours, double tolerance) {
        assertEquals(brian2.length, ours.length, what + ": records");
        for (int k = 0; k < brian2.length; k++) {
            for (int c = 0; c < brian2[k].length; c++) {
                assertEquals(brian2[k][c], ours[k][c], tolerance, what + "[" + c + "] at step " + k);
            }
        }
    }

    private static void assertSpikes(Map<?, ?> ref, SpikeMonitor spikes) {
        assertArrayEquals(ints(ref.get("spike_i")), spikes.indices(), "spiking neurons");
        double[] t = vector(ref.get("spike_t_ms"));
        assertArrayEquals(Arrays.stream(t).map(x -> Math.round(x / DT)).toArray(),
                Arrays.stream(spikes.times()).map(x -> Math.round(x / DT)).toArray(), "spike steps");
    }
}
