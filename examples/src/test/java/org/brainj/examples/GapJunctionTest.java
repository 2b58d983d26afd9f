package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/**
 * Brian2's gap-junction example ({@code examples/synapses/gapjunctions.py}): 10 neurons
 * {@code dv/dt = (v0 - v + Igap) / tau} with threshold {@code v > 1} and reset {@code v = 0},
 * all-to-all synapses with {@code Igap_post = w * (v_pre - v_post) : 1 (summed)}, w = 0.02,
 * 500 ms. Compared with the same model written out as a loop in this test, in Brian2's order
 * of a step: the summed variable is set before the group updates (exactly, Igap held over the
 * step), then threshold and reset.
 */
class GapJunctionTest {
    private static final int N = 10;
    private static final double V0 = 1.05;
    private static final double TAU = 10;
    private static final double W = 0.02;
    private static final double DT = 0.1;
    private static final int STEPS = 5000;

    @Test
    void summedGapCurrentsMatchTheModelWrittenOut() {
        CompiledNeuron lif = NeuronText.of("dv/dt = (v0 - v + Igap) / tau : 1\nIgap : 1").threshold("v > 1")
                .reset("v = 0").parameter("v0", V0).parameter("tau", TAU).perNeuron("Igap").compile("gap");
        double[] start = new double[N];
        for (int i = 0; i < N; i++) {
            start[i] = i * 1.0 / (N - 1);
        }
        NeuronGroup g = lif.group("neurons", N).method(GroupIntegrator.method("exact"))
                .set("Igap", Initializer.constant(0)).init("v", Initializer.values(start));
        int[] indptr = new int[N + 1];
        int[] indices = new int[N * N];
        for (int i = 0; i < N; i++) {
            indptr[i + 1] = (i + 1) * N;
            for (int j = 0; j < N; j++) {
                indices[i * N + j] = j;
            }
        }
        Synapses s = new Synapses("S", SynapseText.of("w : 1\nIgap_post = w * (v_pre - v_post) : 1 (summed)")
                .compile("S", lif, lif).model(), g, g, new Csr(indptr, indices, null)).init("w", W);
        Network net = new Network(Backends.get("cpu")).dt(DT).add(g, s);
        StateMonitor v = net.monitor(g, "v");
        SpikeMonitor spikes = net.spikes(g);
        net.run(STEPS * DT);

        double[] x = start.clone();
        double decay = Math.exp(-DT / TAU);
        List<Double> times = new ArrayList<>();
        double[][] trace = v.values();
        for (int k = 0; k < STEPS; k++) {
            for (int i = 0; i < N; i++) {
                assertEquals(x[i], trace[k][i], 1e-9, "v[" + i + "] at step " + k);
            }
            double[] igap = new double[N];
            for (int i = 0; i < N; i++) {
                for (int j = 0; j < N; j++) {
                    igap[j] += W * (x[i] - x[j]);
                }
            }
            for (int i = 0; i < N; i++) {
                double target = V0 + igap[i];
                x[i] = target + (x[i] - target) * decay;
                if (x[i] > 1) {
                    x[i] = 0;
                    times.add(k * DT);
                }
            }
        }
        assertTrue(times.size() > 100, times.size() + " spikes");
        assertArrayEquals(times.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                java.util.Arrays.stream(spikes.times()).sorted().toArray(), 1e-9);
    }
}
