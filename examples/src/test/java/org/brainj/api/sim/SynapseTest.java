package org.brainj.api.sim;

import static org.brainj.api.sim.DeliveryTest.pulseAt;
import static org.brainj.api.sim.DeliveryTest.relay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.models.neurons.Neurons;
import org.junit.jupiter.api.Test;

/** Post-synaptic traces after one spike through the synapse library's models against their closed forms. */
class SynapseTest {
    static final double DT = 0.01;
    static final double W = 0.6;
    /**
     * The source spikes in step 5 (time index 5), delivered after that step's update (no delay):
     * the record at time 6 dt, made before step 6's update, is the first that holds it.
     */
    static final double ARRIVAL = 6 * DT;

    /** A LIF at rest (V_rest = 0, no input) that cannot fire, so only the synapse moves it. */
    static NeuronGroup quietLif(String name) {
        return new NeuronGroup(name, 1, Neurons.model("LIF").with(Map.of("V_th", 1e9, "V_reset", 0.0)))
                .init("V", Initializer.constant(0));
    }

    record Run(StateMonitor g, StateMonitor v) {
    }

    /**
     * The synapse library's model {@code name} onto {@code post}'s synaptic current, through the
     * library's output {@code output} (null: as written), parameters as numbers in their listed units.
     */
    static SynapseModel library(String name, Map<String, ?> params, NeuronGroup post, String output,
                                Map<String, ?> outputParams) {
        ClassLoader loader = SynapseTest.class.getClassLoader();
        return SynapseModelFactory.named(name, loader).onto(post, params,
                output == null ? null : OutputModelFactory.named(output, loader), outputParams);
    }

    /** One spike of weight {@link #W} through {@code name} onto a quiet LIF; {@code g} records the channel's gate. */
    static Run oneSpike(String name, Map<String, ?> params, String output, Map<String, ?> outputParams, double tEnd) {
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, relay());
        NeuronGroup dst = quietLif("dst");
        Projection p = Projection.builder("p", src, dst).csr(new int[] {0, 1}, new int[] {0}).weight(W)
                .synapse(library(name, params, dst, output, outputParams)).build();
        net.add(src, dst, p, Input.overTime(src, "input", pulseAt(5, (int) Math.round(tEnd / DT)), Input.Op.ADD));
        Run r = new Run(net.monitor(dst, "p_s"), net.monitor(dst, "V"));
        net.run(tEnd);
        return r;
    }

    /** Checks a trace against {@code closedForm(t - arrival)} within {@code tol}, zero before the arrival. */
    static void follows(StateMonitor m, DoubleUnaryOperator closedForm, double tol, String what) {
        double[] t = m.times();
        double[][] v = m.values();
        double worst = 0;
        for (int k = 0; k < t.length; k++) {
            double expected = t[k] < ARRIVAL - DT / 2 ? 0 : closedForm.applyAsDouble(t[k] - ARRIVAL);
            worst = Math.max(worst, Math.abs(v[k][0] - expected));
        }
        assertTrue(worst <= tol, what + ": largest deviation " + worst + " > " + tol);
    }

    /**
     * The library's Exponential integrates its gate exactly ({@code method: exact}): the summed
     * gate is w exp(-t/tau) to rounding; delivering one step late or early would be off by w dt / tau.
     */
    @Test
    void exponentialConductanceDecaysAsTheClosedForm() {
        double tau = 5;
        Run r = oneSpike("Exponential", Map.of("tau", tau), "COBA", Map.of("E", 0), 30);
        follows(r.g(), s -> W * Math.exp(-s / tau), 1e-12, "g = w exp(-t/tau)");
    }

    /**
     * Alpha: g = w (t/ms) exp(-t/tau); dual exponential: g = w tau_d tau_r / (tau_d - tau_r)
     * (exp(-t/tau_d) - exp(-t/tau_r)) / ms. Both start with slope w/ms, so a step's shift would be
     * off by w dt; their files' RK4 at dt = 0.01 ms stays within 1e-8 of the closed forms.
     */
    @Test
    void alphaAndDualExponentialFollowTheirClosedForms() {
        double tau = 4;
        follows(oneSpike("Alpha", Map.of("tau", tau), null, Map.of(), 30).g(),
                s -> W * s * Math.exp(-s / tau), 1e-8, "alpha");
        double td = 8, tr = 2;
        follows(oneSpike("DualExponential", Map.of("tau_decay", td, "tau_rise", tr), null, Map.of(), 30).g(),
                s -> W * td * tr / (td - tr) * (Math.exp(-s / td) - Math.exp(-s / tr)), 1e-8, "dual exponential");
    }

    /**
     * CUBA onto a LIF at rest (R = 1 Mohm, so 1 nA moves V by 1 mV): tau V' = -V + g with
     * g = w exp(-t/tau_s) gives V = w tau_s / (tau_s - tau) (exp(-t/tau_s) - exp(-t/tau)); the
     * group's forward Euler at dt = 0.01 stays within a thousandth of the peak's scale w.
     */
    @Test
    void cubaDrivesTheMembraneAsTheClosedForm() {
        double taus = 5, tau = 10;
        Run r = oneSpike("Exponential", Map.of("tau", taus), "CUBA", Map.of(), 40);
        follows(r.v(), s -> W * taus / (taus - tau) * (Math.exp(-s / taus) - Math.exp(-s / tau)), 1e-3 * W, "CUBA V");
    }
    /**
     * COBA onto a LIF at rest with E = 50: tau V' = -V + w exp(-t/tau_s) (E - V), integrated in
     * the test with classical RK4 at a step 100 times finer (an independent integration); the
     * runtime's Euler at dt = 0.01 stays within 0.15% of the peak (about 6.8).
     */
    @Test
    void cobaDrivesTheMembraneTowardsTheReversalPotential() {
        double taus = 5, tau = 10, e = 50;
        Run r = oneSpike("Exponential", Map.of("tau", taus), "COBA", Map.of("E", e), 40);
        double h = DT / 100;
        int steps = (int) Math.round(40 / h);
        double[] ref = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            double s = k * h;
            double v = ref[k];
            java.util.function.DoubleBinaryOperator dv = (tt, vv) -> (-vv + W * Math.exp(-tt / taus) * (e - vv)) / tau;
            double k1 = dv.applyAsDouble(s, v);
            double k2 = dv.applyAsDouble(s + h / 2, v + h / 2 * k1);
            double k3 = dv.applyAsDouble(s + h / 2, v + h / 2 * k2);
            double k4 = dv.applyAsDouble(s + h, v + h * k3);
            ref[k + 1] = v + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
        follows(r.v(), s -> ref[(int) Math.round(s / h)], 0.01, "COBA V");
        double peak = java.util.Arrays.stream(ref).max().orElseThrow();
        assertTrue(peak > 6 && peak < 8, "the reference's peak " + peak + " is the scale the tolerance assumes");
    }

    /** Projections of one kind (model, parameters, output) onto a group share one channel; another kind gets its own. */
    @Test
    void projectionsOfOneKindShareTheirState() {
        NeuronGroup src = new NeuronGroup("src", 1, relay());
        NeuronGroup dst = quietLif("dst");
        int[] ptr = {0, 1};
        int[] idx = {0};
        Projection a = Projection.builder("a", src, dst).csr(ptr, idx)
                .synapse(library("Exponential", Map.of("tau", 5), dst, "COBA", Map.of("E", 0))).build();
        Projection b = Projection.builder("b", src, dst).csr(ptr, idx)
                .synapse(library("Exponential", Map.of("tau", 5), dst, "COBA", Map.of("E", 0))).build();
        Projection c = Projection.builder("c", src, dst).csr(ptr, idx)
                .synapse(library("Exponential", Map.of("tau", 10), dst, "COBA", Map.of("E", -80))).build();
        assertEquals("a_s", a.targetVariable());
        assertEquals("a_s", b.targetVariable());
        assertEquals("c_s", c.targetVariable());
        assertEquals(List.of("a_s", "c_s"), dst.variables().stream().filter(n -> n.endsWith("_s")).toList());
    }

    /**
     * The library's Exponential run as Synapses with its own pre-synaptic delay: the compiler
     * fuses it into the group's channel, and the one spike arrives {@code delay} later, then
     * decays as w exp(-t/tau) to rounding.
     */
    @Test
    void aDelayedSynapsesObjectRunsFusedAndArrivesLate() {
        double tau = 5, delay = 1.5;
        Network net = new Network(TestBackend.get()).dt(DT);
        NeuronGroup src = new NeuronGroup("src", 1, relay());
        NeuronGroup dst = quietLif("dst");
        SynapseModel m = library("Exponential", Map.of("tau", tau), dst, "CUBA", Map.of());
        SynapseModel delayed = new SynapseModel(m.name(), m.parameters(), m.variables(), m.clockDriven(), m.eventDriven(),
                m.onPre(), m.onPost(), m.summed(), delay, m.postDelay(), m.method());
        Synapses s = new Synapses("S", delayed, src, dst, new org.brainj.api.connect.Csr(new int[] {0, 1}, new int[] {0},
                null)).init("w", W);
        net.add(src, dst, s, Input.overTime(src, "input", pulseAt(5, 3000), Input.Op.ADD));
        StateMonitor g = net.monitor(dst, "S_s");
        net.run(30);
        assertTrue(s.isMerged() && s.usesAlignPost(), "fused into dst's channel");
        double[] t = g.times();
        double[][] v = g.values();
        for (int k = 0; k < t.length; k++) {
            double since = t[k] - ARRIVAL - delay;
            double expected = since < -DT / 2 ? 0 : W * Math.exp(-since / tau);
            assertEquals(expected, v[k][0], 1e-12, "t = " + t[k]);
        }
    }

    /** A model whose state differs per synapse (NMDA's saturating gate) is no projection's channel: the refusal says why. */
    @Test
    void aModelThatKeepsPerSynapseStateIsRefusedWithItsReason() {
        NeuronGroup src = new NeuronGroup("src", 1, relay());
        NeuronGroup dst = quietLif("dst");
        SimulationException e = org.junit.jupiter.api.Assertions.assertThrows(SimulationException.class,
                () -> Projection.builder("n", src, dst).csr(new int[] {0, 1}, new int[] {0})
                        .synapse(library("NMDA", Map.of(), dst, null, Map.of())).build());
        assertTrue(e.getMessage().contains("keeps per-synapse state (") && e.getMessage().contains("Synapses"),
                e.getMessage());
    }
}
