package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.tensor.Backend;
import org.brainj.models.neurons.Neurons;
import org.junit.jupiter.api.Test;

/**
 * Tsodyks-Markram short-term plasticity against the model's recurrences, iterated here by hand
 * over the recorded spike train, and against the closed-form steady state of a regular train.
 */
class StpTest {
    private static final double DT = 0.1;
    private static final double[] W = {1.0, 2.5};

    /** One regularly firing LIF whose spikes jump the V of two never-firing, non-leaking neurons by w u x. */
    private record Setup(Network net, Projection p, SpikeMonitor spikes, StateMonitor v) {
    }

    private static Setup setup(Backend backend, STP stp) {
        Network net = new Network(backend).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        // tau = 1e15: the leak moves V by less than 1e-13 over the run, so V sums the jumps
        NeuronGroup dst = new NeuronGroup("dst", 2, Neurons.model("LIF").with(Map.of("V_th", 1e9, "tau", 1e15)))
                .init("V", Initializer.constant(0));
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 2}, new int[] {0, 1}).weights(W)
                .onVariable("V").stp(stp).build();
        net.add(src, dst, p, Input.constant(src, "input", 40, Input.Op.ADD));
        return new Setup(net, p, net.spikes(src), net.monitor(dst, "V"));
    }

    /** The jump each spike makes in the targets' V: the spike with time index n is delivered after step n's update. */
    private static double[][] jumps(Setup s) {
        long[] steps = s.spikes().steps();
        double[][] v = s.v().values();
        double[][] out = new double[steps.length][W.length];
        for (int k = 0; k < steps.length; k++) {
            int n = (int) steps[k];
            for (int j = 0; j < W.length; j++) {
                // record r holds V at time index r, before step r's update: the spike of
                // step n is delivered after that update, so record n + 1 is the first with it
                out[k][j] = v[n + 1][j] - v[n][j];
            }
        }
        return out;
    }

    /**
     * Each delivered weight is w u+ x- of the Tsodyks-Markram map: between spikes u decays by
     * exp(-T / tau_f) and x recovers as 1 - (1 - x) exp(-T / tau_d); at a spike u += U (1 - u),
     * then u x is released. The first spike releases U (u = 0, x = 1 at rest), and a regular
     * train of period T converges to u+* = U / (1 - (1 - U) a), x-* = (1 - b) / (1 - (1 - u+*) b)
     * with a = exp(-T / tau_f), b = exp(-T / tau_d).
     */
    @Test
    void releaseFollowsTheTsodyksMarkramRecurrencesToTheirSteadyState() {
        STP stp = new STP(0.2, 50, 100);
        Setup s = setup(TestBackend.get(), stp);
        s.net().run(1500);
        long[] steps = s.spikes().steps();
        assertTrue(steps.length > 100, "spikes: " + steps.length);
        double[][] jumps = jumps(s);
        assertEquals(W[0] * stp.U(), jumps[0][0], 1e-12, "first spike releases U");
        double u = 0;
        double x = 1;
        for (int k = 0; k < steps.length; k++) {
            if (k > 0) {
                double interval = (steps[k] - steps[k - 1]) * DT;
                u *= Math.exp(-interval / stp.tauF());
                x = 1 - (1 - x) * Math.exp(-interval / stp.tauD());
            }
            u += stp.U() * (1 - u);
            double released = u * x;
            x -= released;
            for (int j = 0; j < W.length; j++) {
                assertEquals(W[j] * released, jumps[k][j], 1e-9, "spike " + k + ", synapse " + j);
            }
        }
        // the train is regular after the first spike: the steady state of its period
        long period = steps[steps.length - 1] - steps[steps.length - 2];
        for (int k = steps.length / 2; k < steps.length; k++) {
            assertEquals(period, steps[k] - steps[k - 1], "interval " + k);
        }
        double a = Math.exp(-period * DT / stp.tauF());
        double b = Math.exp(-period * DT / stp.tauD());
        double uPlus = stp.U() / (1 - (1 - stp.U()) * a);
        double xMinus = (1 - b) / (1 - (1 - uPlus) * b);
        assertEquals(W[1] * uPlus * xMinus, jumps[steps.length - 1][1], 1e-9, "steady-state release");
        // depression dominates at this rate: the steady state releases less than the first spike
        assertTrue(uPlus * xMinus < stp.U());
        // the state after the last spike as the projection holds it: the delivery of step n
        // applied spike n, and those of the steps after it up to the last (N - 1) decayed it once each
        long since = Math.round(s.net().time() / DT) - 1 - steps[steps.length - 1];
        assertEquals(u * Math.exp(-since * DT / stp.tauF()), s.p().stp("u").toDoubleArray()[0], 1e-9);
        assertEquals(1 - (1 - x) * Math.exp(-since * DT / stp.tauD()), s.p().stp("x").toDoubleArray()[0], 1e-9);
    }

    /**
     * Reset returns u and x to rest (the same jumps again, nothing recompiled); a backend switch
     * moves them and continues exactly.
     */
    @Test
    void stpStateResetsAndMovesWithItsNetwork() {
        STP stp = new STP(0.1, 200, 80);
        Setup one = setup(TestBackend.get(), stp);
        one.net().run(300);
        double[][] first = jumps(one);
        one.net().reset();
        one.net().run(300);
        double[][] again = jumps(one);
        assertEquals(3, one.net().compilations(), "two groups and the STP step, compiled once");
        assertEquals(first.length, again.length);
        for (int k = 0; k < first.length; k++) {
            assertArrayEquals(first[k], again[k], 0, "spike " + k + " after reset");
        }
        Setup two = setup(TestBackend.get(), stp);
        two.net().run(150);
        two.net().moveTo(TestBackend.get());
        two.net().run(150);
        double[][] moved = jumps(two);
        assertEquals(6, two.net().compilations(), "each of the three kernels again on the second backend");
        assertEquals(first.length, moved.length);
        for (int k = 0; k < first.length; k++) {
            assertArrayEquals(first[k], moved[k], 0, "spike " + k + " across the switch");
        }
    }

    @Test
    void badStpIsRefusedNamingTheFix() {
        assertThrows(SimulationException.class, () -> new STP(0, 50, 100));
        assertThrows(SimulationException.class, () -> new STP(0.5, -1, 100));
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        NeuronGroup dst = new NeuronGroup("dst", 2, Neurons.model("LIF"));
        SimulationException e = assertThrows(SimulationException.class, () -> Projection.builder("P", src, dst)
                .csr(new int[] {0, 2}, new int[] {0, 1}).delays(new double[] {0.1, 0.2}).stp(STP.defaults()).build());
        assertTrue(e.getMessage().contains("single delay"), e.getMessage());
        Projection plain = Projection.builder("Q", src, dst).csr(new int[] {0, 2}, new int[] {0, 1}).build();
        assertTrue(assertThrows(SimulationException.class, () -> plain.stp("u")).getMessage().contains("stp("));
    }
}
