package org.brainj.backend.cpu;

import static org.brainj.api.expr.ExpressionParser.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.junit.jupiter.api.Test;

/**
 * Results do not depend on the thread count (issue 11): a COBA-sized network (Brian2's COBA
 * benchmark, 4000 LIF with conductances, p = 0.02) with per-synapse delays and a Poisson drive
 * gives the same spikes, step for step, on one thread and on two and three threads that split
 * every kernel and every delivery however small (so the test splits on any machine).
 */
class ThreadCountTest {
    private static final int N = 4000;
    private static final int N_EXC = 3200;
    private static final int SOURCES = 1000;
    private static final double DT = 0.1;

    private static NeuronModel coba() {
        return NeuronModel.builder("COBA_LIF").equations("""
                        dV/dt = (ge * (Ee - V) + gi * (Ei - V) - (V - El)) / taum : 1 (unless refractory)
                        dge/dt = -ge / taue : 1
                        dgi/dt = -gi / taui : 1
                        """)
                .parameter("Ee", 0).parameter("Ei", -80).parameter("El", -49).parameter("taum", 20)
                .parameter("taue", 5).parameter("taui", 10).parameter("V_th", -50).parameter("V_reset", -60)
                .parameter("t_ref", 5).threshold(parse("V > V_th")).reset("V", parse("V_reset")).refractory("t_ref")
                .build();
    }

    /** Each of {@code pre} sources connected to each of {@code post} targets with probability {@code p}, as CSR. */
    private static int[][] fixedProb(int pre, int post, double p, SplittableRandom rnd) {
        int[] indptr = new int[pre + 1];
        IntStream.Builder indices = IntStream.builder();
        int count = 0;
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                if (rnd.nextDouble() < p) {
                    indices.add(j);
                    count++;
                }
            }
            indptr[i + 1] = count;
        }
        return new int[][] {indptr, indices.build().toArray()};
    }

    /** The spikes of P over 300 ms, as (step, index) pairs in the monitor's order. */
    private static long[][] spikes(StepThreads threads) {
        SplittableRandom rnd = new SplittableRandom(42);
        NeuronGroup p = new NeuronGroup("P", N, coba()).method(GroupIntegrator.EULER).init("V", Initializer.normal(-55, 5));
        NeuronGroup ext = new NeuronGroup("Ext", SOURCES, PoissonRate.group("Ext", "20*Hz"));
        int[][] ce = fixedProb(N_EXC, N, 0.02, rnd);
        double[] delays = new double[ce[1].length];
        for (int k = 0; k < delays.length; k++) {
            delays[k] = DT * rnd.nextInt(1, 21);
        }
        int[][] ci = fixedProb(N - N_EXC, N, 0.02, rnd);
        int[][] cx = fixedProb(SOURCES, N, 0.02, rnd);
        Network net = new Network(new CpuBackend(threads)).dt(DT).seed(7).add(p, ext,
                Projection.builder("Ce", p.view(0, N_EXC), p).csr(ce[0], ce[1]).weight(0.6).delays(delays)
                        .onVariable("ge").build(),
                Projection.builder("Ci", p.view(N_EXC, N), p).csr(ci[0], ci[1]).weight(6.7).delay(0.8)
                        .onVariable("gi").build(),
                Projection.builder("Cx", ext, p).csr(cx[0], cx[1]).weight(0.6).delay(1.0).onVariable("ge").build());
        SpikeMonitor monitor = net.spikes(p);
        net.run(300);
        long[] steps = monitor.steps();
        int[] indices = monitor.indices();
        long[][] pairs = new long[steps.length][];
        for (int k = 0; k < steps.length; k++) {
            pairs[k] = new long[] {steps[k], indices[k]};
        }
        return pairs;
    }

    @Test
    void oneTwoAndThreeThreadsGiveTheSameSpikes() {
        long[][] one = spikes(new StepThreads(1, 0));
        assertTrue(one.length > 10 * N * 0.3, "the network is active: " + one.length + " spikes in 300 ms");
        assertArrayEquals(one, spikes(new StepThreads(2, 0)), "2 threads");
        assertArrayEquals(one, spikes(new StepThreads(3, 0)), "3 threads");
    }
}
