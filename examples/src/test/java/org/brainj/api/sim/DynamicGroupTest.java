package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.tensor.Backend;
import org.brainj.models.neurons.Neurons;
import org.junit.jupiter.api.Test;

/** Groups whose step is Java code over the op sets ({@link DynamicModel}), in networks with equation groups. */
class DynamicGroupTest {
    private static final double DT = 0.01;

    /**
     * The Java LIF fires at the closed-form rate 1 / (t_ref + tau ln(R I / (R I - (V_th - V_rest))))
     * (tolerance as in LifRateTest: Euler's dt / (2 tau) relative error and a step per crossing),
     * and at exactly the steps of the equation-defined LIF: both apply the same forward-Euler map,
     * refractory test and reset in double precision, so their voltages agree to rounding and a
     * spike step could only differ if V landed within rounding of V_th, which these inputs avoid.
     */
    @Test
    void javaLifFiresAtTheAnalyticRateOnTheEquationLifsSteps() {
        double[] currents = {21, 26, 40};
        Network net = new Network(TestBackend.get()).dt(DT);
        SpikeMonitor[] java = new SpikeMonitor[currents.length];
        SpikeMonitor[] equations = new SpikeMonitor[currents.length];
        for (int k = 0; k < currents.length; k++) {
            NeuronGroup j = new NeuronGroup("J" + k, 1, new JavaLif()).set("V_reset", 0).init("V", Initializer.constant(0));
            NeuronGroup e = new NeuronGroup("E" + k, 1, Neurons.model("LIF").with(Map.of("V_reset", 0.0)))
                    .init("V", Initializer.constant(0));
            net.add(j, e, Input.constant(j, "input", currents[k], Input.Op.ADD),
                    Input.constant(e, "input", currents[k], Input.Op.ADD));
            java[k] = net.spikes(j);
            equations[k] = net.spikes(e);
        }
        net.run(200);
        for (int k = 0; k < currents.length; k++) {
            double tau = 10, tRef = 1, rI = currents[k], vTh = 20;
            double firstSpike = tau * Math.log(rI / (rI - vTh));
            // the reset holds from the end of the spike's step: at V_reset for t_ref - dt (Brian2's count)
            double isi = tRef - DT + firstSpike;
            double[] times = java[k].times();
            assertTrue(times.length > 5, "I = " + rI + ": only " + times.length + " spikes");
            double tol = 2 * DT + firstSpike * DT / (2 * tau);
            assertEquals(firstSpike, times[0], tol, "first spike, I = " + rI);
            for (int s = 1; s < times.length; s++) {
                assertEquals(isi, times[s] - times[s - 1], tol, "interval " + s + ", I = " + rI);
            }
            assertArrayEquals(equations[k].steps(), java[k].steps(), "spike steps, I = " + rI);
        }
    }

    /**
     * In float32 the op sets round every intermediate result to float, while the equation
     * group's compiled kernel computes in double and rounds only the stored state, so the two
     * voltages differ by float rounding and a threshold crossing may fall one step apart (the
     * membrane rises by (26 - 20) / 10 * dt = 6e-3 mV per step at threshold, a float ulp there is 2e-6 mV). The
     * reset restores V exactly, but a shifted spike shifts the next cycle's start, so the bound
     * of one step per spike is checked over the whole run rather than assumed.
     */
    @Test
    void inFloat32TheJavaLifFiresWithinOneStepOfTheEquationLif() {
        Network net = new Network(TestBackend.get()).dt(DT).dtype(org.brainj.api.tensor.DType.FLOAT32);
        NeuronGroup j = new NeuronGroup("J", 1, new JavaLif());
        NeuronGroup e = new NeuronGroup("E", 1, Neurons.model("LIF"));
        net.add(j, e, Input.constant(j, "input", 26, Input.Op.ADD), Input.constant(e, "input", 26, Input.Op.ADD));
        SpikeMonitor java = net.spikes(j);
        SpikeMonitor equations = net.spikes(e);
        net.run(200);
        assertEquals(equations.count(), java.count(), "spike counts");
        assertTrue(java.count() > 5);
        for (int k = 0; k < java.count(); k++) {
            assertEquals(equations.steps()[k], java.steps()[k], 1, "spike " + k);
        }
    }

    /**
     * A Java group as a projection's source: its spikes drive an equation group's exponential
     * synapse. After the source spikes with time indices n (each delivered after step n's
     * update), the library's Exponential, integrated exactly, gives the conductance recorded at
     * index m (before step m's update) as the sum over n < m of w exp(-dt / tau)^(m - 1 - n),
     * computed here from the spike steps alone.
     */
    @Test
    void aJavaGroupDrivesAnEquationGroup() {
        double w = 0.5, tau = 5;
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, new JavaLif());
        NeuronGroup dst = new NeuronGroup("dst", 1, Neurons.model("LIF").with(Map.of("V_th", 1e9)));
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 1}, new int[] {0}).weight(w)
                .synapse(SynapseTest.library("Exponential", Map.of("tau", tau), dst, "CUBA", Map.of())).build();
        net.add(src, dst, p, Input.constant(src, "input", 40, Input.Op.ADD));
        SpikeMonitor spikes = net.spikes(src);
        StateMonitor g = net.monitor(dst, "P_s");
        net.run(50);
        assertTrue(spikes.count() >= 3, "source spikes: " + spikes.count());
        assertConductance(spikes.steps(), w, tau, g.values(), 0);
    }

    /**
     * A Java group as a projection's target: its channel's current, which its update reads, is
     * the conductance at the start of each step after delivery, set by the update, so the record
     * at index m (before step m's update) holds step m - 1's: the conductance's formula at m - 1.
     */
    @Test
    void anEquationGroupDrivesAJavaGroup() {
        double w = 0.25, tau = 2;
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        NeuronGroup dst = new NeuronGroup("dst", 2, new JavaLif()).set("V_th", 1e9);
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 1}, new int[] {1}).weight(w)
                .synapse(SynapseTest.library("Exponential", Map.of("tau", tau), dst, "CUBA", Map.of())).build();
        net.add(src, dst, p, Input.constant(src, "input", 30, Input.Op.ADD));
        SpikeMonitor spikes = net.spikes(src);
        StateMonitor current = net.monitor(dst, "I_syn");
        StateMonitor v = net.monitor(dst, "V");
        net.run(40);
        assertTrue(spikes.count() >= 3, "source spikes: " + spikes.count());
        assertConductance(spikes.steps(), w, tau, current.values(), 1);
        double[][] values = current.values();
        for (double[] row : values) {
            assertEquals(0, row[0], 0, "neuron 0 has no synapse");
        }
        // the current reaches the membrane: the driven neuron ends above the undriven one
        double[] lastV = v.values()[v.values().length - 1];
        assertTrue(lastV[1] > lastV[0], "driven V " + lastV[1] + " vs undriven " + lastV[0]);
    }

    /**
     * @param lag 0 for a conductance, 1 for a current the previous step's update computed from it
     */
    private static void assertConductance(long[] spikeSteps, double w, double tau, double[][] records, int lag) {
        assertConductance(spikeSteps, w, tau, records, lag, 1e-12);
    }

    private static void assertConductance(long[] spikeSteps, double w, double tau, double[][] records, int lag,
                                          double tolerance) {
        double decay = Math.exp(-DT / tau);
        for (int r = 0; r < records.length; r++) {
            long m = r - lag;
            double expected = 0;
            for (long n : spikeSteps) {
                if (n < m) {
                    expected += w * Math.pow(decay, m - 1 - n);
                }
            }
            double[] row = records[r];
            assertEquals(expected, row[row.length - 1], tolerance, "record " + r + " (time index " + m + ")");
        }
    }

    /**
     * A Java group is monitored, reset and moved like any group: a run, reset and rerun repeat
     * the spikes, and 30 ms on one backend then 30 ms on another give the spikes and voltage
     * trace of 60 ms on one (the switch moves its state and the update finds the moved tensors).
     */
    @Test
    void aJavaGroupResetsAndMovesWithItsNetwork() {
        Backend first = TestBackend.get();
        Network one = new Network(first).dt(DT);
        NeuronGroup g1 = new NeuronGroup("J", 3, new JavaLif()).init("V", Initializer.normal(0, 5));
        one.add(g1, Input.constant(g1, "input", 30, Input.Op.ADD));
        SpikeMonitor s1 = one.spikes(g1);
        StateMonitor v1 = one.monitor(g1, "V");
        one.run(60);
        assertArrayEquals(new int[] {6000, 3}, v1.shape(), "records x neurons");
        long[] steps = s1.steps();
        assertTrue(steps.length > 9, "spikes: " + steps.length);
        one.reset();
        one.run(60);
        assertArrayEquals(steps, s1.steps(), "the same spikes after reset");

        Network two = new Network(first).dt(DT);
        NeuronGroup g2 = new NeuronGroup("J", 3, new JavaLif()).init("V", Initializer.normal(0, 5));
        two.add(g2, Input.constant(g2, "input", 30, Input.Op.ADD));
        SpikeMonitor s2 = two.spikes(g2);
        StateMonitor v2 = two.monitor(g2, "V");
        two.run(30);
        Backend second = TestBackend.get();
        two.moveTo(second);
        two.run(30);
        assertTrue(two.backend() == second);
        assertArrayEquals(steps, s2.steps());
        assertArrayEquals(s1.indices(), s2.indices());
        for (int k = 0; k < 6000; k++) {
            assertArrayEquals(v1.values()[k], v2.values()[k], 0, "V at record " + k);
        }
    }

    /**
     * A conductance-based output onto a Java group reads its membrane: the current its update
     * sees is g (E - V) with V at the start of the step. One spike of weight w into a neuron held
     * at V = 0 (input 0, V_rest 0) by E = 10 gives, at record m after it, w exp(-dt / tau)^(m - 2 - n) * 10.
     */
    @Test
    void aConductanceOutputReadsTheJavaGroupsMembrane() {
        double w = 0.3, tau = 3, reversal = 10;
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        // tau = 1e15 and no input: V stays at 0 up to 1e-13, so g (E - V) = 10 g
        NeuronGroup dst = new NeuronGroup("dst", 1, new JavaLif()).set("tau", 1e15).init("V", Initializer.constant(0));
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 1}, new int[] {0}).weight(w)
                .synapse(SynapseTest.library("Exponential", Map.of("tau", tau), dst, "COBA", Map.of("E", reversal)))
                .build();
        net.add(src, dst, p, Input.constant(src, "input", 40, Input.Op.ADD));
        SpikeMonitor spikes = net.spikes(src);
        StateMonitor current = net.monitor(dst, "I_syn");
        net.run(30);
        assertTrue(spikes.count() >= 2, "source spikes: " + spikes.count());
        double[][] scaled = current.values();
        for (double[] row : scaled) {
            row[0] /= reversal;
        }
        assertConductance(spikes.steps(), w, tau, scaled, 1, 1e-11);
    }

    /** A Java model without the membrane a conductance output reads is refused, naming the declaration. */
    @Test
    void aConductanceOutputNeedsADeclaredMembrane() {
        DynamicModel noMembrane = new DynamicModel("Counter") {
            {
                state("n", Initializer.constant(0));
                current("I_syn");
            }

            @Override
            protected void update(GroupState s, double t, double dt) {
                s.backend().binary(org.brainj.api.tensor.BinaryOp.ADD, s.get("n"), s.get("I_syn"), s.get("n"));
            }
        };
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        NeuronGroup dst = new NeuronGroup("dst", 1, noMembrane);
        SimulationException e = assertThrows(SimulationException.class, () -> Projection.builder("P", src, dst)
                .csr(new int[] {0, 1}, new int[] {0})
                .synapse(SynapseTest.library("Exponential", Map.of("tau", 2), dst, "COBA", Map.of("E", 0))).build());
        assertTrue(e.getMessage().contains("'V'") && e.getMessage().contains("membrane("), e.getMessage());
        // a current-based output needs no membrane: the counter sums its current
        Network net = new Network(TestBackend.get()).dt(DT);
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 1}, new int[] {0}).weight(1)
                .synapse(SynapseTest.library("Exponential", Map.of("tau", 2), dst, "CUBA", Map.of())).build();
        net.add(src, dst, p, Input.constant(src, "input", 40, Input.Op.ADD));
        net.run(20);
        assertTrue(dst.variable("n").item() > 0);
    }

    /** A delta synapse needs a compiled step to add into; onto a Java group it is refused, naming the way that works. */
    @Test
    void aDeltaSynapseOntoAJavaGroupIsRefused() {
        NeuronGroup src = new NeuronGroup("src", 1, Neurons.model("LIF"));
        NeuronGroup dst = new NeuronGroup("dst", 1, new JavaLif());
        SimulationException e = assertThrows(SimulationException.class, () -> Projection.builder("P", src, dst)
                .csr(new int[] {0, 1}, new int[] {0}).build());
        assertTrue(e.getMessage().contains("dst") && e.getMessage().contains("onVariable"), e.getMessage());
        // what it suggests works: spikes add their weight to the Java group's V
        Network net = new Network(TestBackend.get()).dt(DT);
        Projection p = Projection.builder("P", src, dst).csr(new int[] {0, 1}, new int[] {0}).weight(2)
                .onVariable("V").build();
        net.add(src, dst, p, Input.constant(src, "input", 30, Input.Op.ADD));
        SpikeMonitor spikes = net.spikes(src);
        net.run(20);
        assertTrue(spikes.count() > 0);
    }
}
