package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.expr.ExpressionParser;
import org.junit.jupiter.api.Test;

/** Spike delivery: the exact step a delayed spike arrives, and the refusal of delays off the dt grid. */
class DeliveryTest {
    static final double DT = 0.1;

    /** A neuron that spikes in the steps where its input is set: a spike source driven by an array. */
    static NeuronModel relay() {
        return NeuronModel.builder("Relay")
                .derivative("x", ExpressionParser.parse("0"))
                .input("input")
                .threshold(ExpressionParser.parse("input > 0.5"))
                .build();
    }

    /** Holds what arrives: no dynamics of its own. */
    static NeuronModel counter() {
        return NeuronModel.builder("Counter")
                .derivative("x", ExpressionParser.parse("0"))
                .derivative("V", ExpressionParser.parse("0"))
                .build();
    }

    static double[] pulseAt(int step, int length) {
        double[] a = new double[length];
        a[step] = 1;
        return a;
    }

    /**
     * The source spikes in step 5, so its spike carries time index 5 (t = 0.5, Brian2's
     * convention). With a delay of D steps it is delivered after the update of step 5 + D: the
     * target's value recorded at step k (before its update) is 0 up to time index 5 + D and the
     * weight from 6 + D on.
     */
    @Test
    void aSpikeArrivesExactlyDelayStepsLater() {
        for (int delaySteps : new int[] {0, 1, 3, 17}) {
            Network net = new Network(TestBackend.get()).dt(DT);
            NeuronGroup src = new NeuronGroup("src", 1, relay());
            NeuronGroup dst = new NeuronGroup("dst", 2, counter());
            Projection p = Projection.builder("p", src, dst).csr(new int[] {0, 1}, new int[] {1})
                    .weight(2.5).delay(delaySteps * DT).onVariable("x").build();
            net.add(src, dst, p, Input.overTime(src, "input", pulseAt(5, 40), Input.Op.ADD));
            SpikeMonitor spikes = net.spikes(src);
            StateMonitor x = net.monitor(dst, "x");
            net.run(4.0);
            assertArrayEquals(new long[] {5}, spikes.steps(), "the spike's time index");
            assertEquals(delaySteps, p.delaySteps());
            double[][] v = x.values();
            double[] t = x.times();
            for (int k = 0; k < v.length; k++) {
                long index = Math.round(t[k] / DT);
                double expected = index <= 5 + delaySteps ? 0 : 2.5;
                assertEquals(expected, v[k][1], 0, "x[1] at time index " + index + ", delay " + delaySteps);
                assertEquals(0, v[k][0], 0, "x[0] is not connected");
            }
        }
    }

    /** Per-synapse delays: each target gets the spike exactly its own delay after it (as above). */
    @Test
    void heterogeneousDelaysArriveEachAtItsStep() {
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 2, relay());
        NeuronGroup dst = new NeuronGroup("dst", 3, counter());
        // source 0 -> targets 0, 1, 2 with delays 0, 2 and 5 steps; source 1 -> target 1 with 1 step
        Projection p = Projection.builder("p", src, dst).csr(new int[] {0, 3, 4}, new int[] {0, 1, 2, 1})
                .weights(new double[] {1, 2, 3, 4}).delays(new double[] {0, 0.2, 0.5, 0.1}).onVariable("x").build();
        net.add(src, dst, p, Input.overTime(src, "input", new double[][] {{0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0},
                {1, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}}, Input.Op.ADD));
        StateMonitor x = net.monitor(dst, "x");
        net.run(1.5);
        assertEquals(5, p.delaySteps(), "the longest delay");
        int[] delay = {0, 2, 5};
        double[] weight = {1, 2, 3};
        for (int k = 0; k < x.times().length; k++) {
            long index = Math.round(x.times()[k] / DT);
            for (int j = 0; j < 3; j++) {
                assertEquals(index <= 5 + delay[j] ? 0 : weight[j], x.values()[k][j], 0,
                        "x[" + j + "] at time index " + index);
            }
        }
        SimulationException e = assertThrows(SimulationException.class, () -> {
            Network bad = new Network(TestBackend.get()).dt(DT);
            NeuronGroup a = new NeuronGroup("a", 1, relay());
            NeuronGroup b = new NeuronGroup("b", 2, counter());
            bad.add(a, b, Projection.builder("q", a, b).csr(new int[] {0, 2}, new int[] {0, 1})
                    .delays(new double[] {0.1, 0.33}).onVariable("x").build());
            bad.build();
        });
        assertTrue(e.getMessage().contains("delay 0.33 ms of synapse 1 is not a multiple of dt = 0.1 ms"), e.getMessage());
    }

    /** A delay that is not a multiple of dt is refused with both neighbouring multiples named. */
    @Test
    void aDelayOffTheGridIsRefused() {
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, relay());
        NeuronGroup dst = new NeuronGroup("dst", 1, counter());
        net.add(src, dst, Projection.builder("p", src, dst).csr(new int[] {0, 1}, new int[] {0})
                .delay(0.25).onVariable("x").build());
        SimulationException e = assertThrows(SimulationException.class, net::build);
        assertTrue(e.getMessage().contains("delay 0.25 ms is not a multiple of dt = 0.1 ms"), e.getMessage());
        assertTrue(e.getMessage().contains("use 0.2 ms or 0.3 ms"), e.getMessage());
    }

    /** A rule that needs equal sizes refuses populations of different sizes, naming both. */
    @Test
    void one2OneBetweenUnequalSizesIsRefused() {
        NeuronGroup src = new NeuronGroup("src", 3, relay());
        NeuronGroup dst = new NeuronGroup("dst", 4, counter());
        org.brainj.api.BrainJException e = assertThrows(org.brainj.api.BrainJException.class,
                () -> Projection.builder("p", src, dst).connect(new org.brainj.connectors.One2One()).onVariable("x").build());
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
        // views of equal size are fine: src -> dst[1:4]
        Projection p = Projection.builder("p", src, dst.view(1, 4)).connect(new org.brainj.connectors.One2One())
                .onVariable("x").build();
        assertEquals(3, p.synapseCount());
    }

    /** CSR arrays that do not fit the populations are refused, naming the sizes. */
    @Test
    void connectivityOfTheWrongSizeIsRefused() {
        NeuronGroup src = new NeuronGroup("src", 3, relay());
        NeuronGroup dst = new NeuronGroup("dst", 2, counter());
        SimulationException rows = assertThrows(SimulationException.class,
                () -> Projection.builder("p", src, dst).csr(new int[] {0, 1}, new int[] {0}).onVariable("x").build());
        assertTrue(rows.getMessage().contains("source src has 3 neurons"), rows.getMessage());
        SimulationException target = assertThrows(SimulationException.class,
                () -> Projection.builder("p", src, dst).csr(new int[] {0, 1, 1, 1}, new int[] {2}).onVariable("x").build());
        assertTrue(target.getMessage().contains("target index 2 is outside dst"), target.getMessage());
    }
}
