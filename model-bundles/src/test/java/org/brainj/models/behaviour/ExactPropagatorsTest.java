package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SimulationException;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/**
 * NEST's iaf_psc_exp and iaf_psc_alpha integrate exactly (method exact: propagators computed once
 * per run, applied each step), so their traces are the closed forms to rounding, at any step
 * size, for equal time constants too, and after a parameter changes between runs. Numbers are in
 * the runtime's coherent units: ms, mV, nA, nF.
 */
class ExactPropagatorsTest {

    /**
     * NEST's testsuite/unittests/test_iaf_ps_psp_accuracy.sli (Diesmann 2005/2008): E_L = V_m = 0,
     * tau_m = 10 ms, tau_syn = 0.3 ms, C_m = 250 pF, one grid-aligned spike of 500 pA at 3 ms; V_m at
     * 6 ms must equal the analytic PSP within 1e-14 mV at every step size h = 2^0 .. 2^-14 ms (NEST runs
     * it on its precise-timing variants of iaf_psc_alpha; with the impact on the grid the dynamics are
     * iaf_psc_alpha's). The spike here acts at t = 0 and the run lasts the 3 ms that follow it.
     * NEST's 1e-14 holds here down to h = 2^-5 ms (96 steps); below, the last bit of each propagator
     * entry, rounded once and applied every step, compounds (about 1e-16 of V_m a step, as in any
     * stepwise propagation: 4e-13 mV after the 3072 steps of h = 2^-10 ms), so the bound grows with the steps.
     */
    @Test
    void iafPscAlphaPspIsNestsAnalyticValueAtEveryStepSize() {
        double w = 0.5, c = 0.25, tm = 10, ts = 0.3, t = 3;
        double d = 1 / ts - 1 / tm;
        double expected = w * Math.E / ts / c
                * ((Math.exp(-t / tm) - Math.exp(-t / ts)) / (d * d) - t * Math.exp(-t / ts) / d);
        for (int e = 0; e >= -10; e--) {
            double h = Math.scalb(1.0, e);
            Drive drive = new Drive("iaf_psc_alpha", Map.of("E_L", 0.0, "V_th", 15.0, "tau_syn_ex", ts), "I_e",
                    new double[] {0}, null, null, h).init("V_m", 0).init("dI_ex", w).run(t);
            double steps = t / h;
            assertEquals(expected, drive.now("V_m", 0), Math.max(1e-14, steps * 2e-16 * expected),
                    "V_m at h = 2^" + e + " ms");
        }
    }

    /** tau_syn == tau_m, where NEST's closed form divides by zero: V_m - E_L = (w / C_m) t e^(-t/tau). */
    @Test
    void iafPscExpPspWithEqualTimeConstantsIsTheLimit() {
        double w = 0.1, c = 0.25, tau = 10;
        Drive d = new Drive("iaf_psc_exp", Map.of("tau_syn_ex", tau), "I_e", new double[] {0}, "V_m");
        double[] v = d.init("I_syn_ex", w).run(50).trace(0);
        for (int k = 0; k < v.length; k++) {
            double t = k * d.dt;
            assertEquals(w / c * t * Math.exp(-t / tau), v[k] + 70, 1e-12, "t = " + t);
        }
    }

    /**
     * The propagators are computed again before each run (NEST's pre_run_hook after SetStatus): a
     * tau_syn_ex set between runs changes the next run from the state where the last one ended.
     */
    @Test
    void aParameterSetBetweenRunsIsTakenUp() {
        NeuronModelFactory iaf = CatalogModels.model("iaf_psc_exp");
        double w = 0.1, c = 0.25, tm = 10, ts = 2, ts2 = 5, t1 = 3, t2 = 4;
        Network net = new Network(Backends.get("cpu")).dt(0.1);
        NeuronGroup g = new NeuronGroup("n", 1, iaf.create(Map.of())).method(GroupIntegrator.method(iaf.method()))
                .init("I_syn_ex", Initializer.constant(w));
        net.add(g);
        net.run(t1);
        double v1 = g.variable("V_m").item() + 70;
        double i1 = g.variable("I_syn_ex").item();
        assertEquals(psp(w, c, tm, ts, t1), v1, 1e-12);
        g.set("tau_syn_ex", ts2);
        net.run(t2);
        double expected = v1 * Math.exp(-t2 / tm) + psp(i1, c, tm, ts2, t2);
        assertEquals(expected, g.variable("V_m").item() + 70, 1e-12, "V_m under the new tau_syn_ex");
        assertEquals(i1 * Math.exp(-t2 / ts2), g.variable("I_syn_ex").item(), 1e-14, "I_syn_ex under the new tau_syn_ex");
    }

    /**
     * The library's Alpha synapse as a channel (current w (t/ms) e^(-t/tau) after a spike) onto
     * iaf_psc_exp, integrated exactly: the channel's two variables join the membrane's system, one
     * propagator for the coupled variables, whatever method the synapse's file names.
     * From the step the spike arrives, V_m - E_L = (w / C_m) int_0^t e^(-(t-s)/tau_m) s e^(-s/tau) ds.
     */
    @Test
    void anAlphaChannelJoinsTheCoupledSystem() {
        NeuronModelFactory iaf = CatalogModels.model("iaf_psc_exp");
        double w = 0.2, c = 0.25, tm = 10, tau = 2, dt = 0.1;
        Network net = new Network(Backends.get("cpu")).dt(dt);
        NeuronGroup sg = SpikeTimeGroup.create("sg", 1);
        NeuronGroup n = new NeuronGroup("n", 1, iaf.create(Map.of())).method(GroupIntegrator.method(iaf.method()));
        net.add(sg, n, SpikeTimeGroup.events(sg, new int[] {0}, new double[] {1.0}));
        net.add(Projection.builder("sg->n", sg, n).csr(new int[] {0, 1}, new int[] {0}).weight(w)
                .synapse(SynapseModelFactory.named("Alpha", getClass().getClassLoader()).onto(n, Map.of("tau", tau), null, Map.of())).build());
        StateMonitor vm = net.monitor(n, "V_m");
        net.run(30);
        double[][] v = vm.values();
        int first = 0;
        while (Math.abs(v[first][0] + 70) < 1e-12) {
            first++;
        }
        // the trace holds V_m before each step: the first moved value ends the step the spike arrived in
        int arrival = first - 1;
        assertTrue(arrival * dt >= 1.0 && arrival * dt <= 2.0, "arrival at " + arrival * dt + " ms");
        double k = 1 / tm - 1 / tau;
        for (int step = first; step < v.length; step++) {
            double t = (step - arrival) * dt;
            double expected = w / c * Math.exp(-t / tm) * (Math.exp(k * t) * (t / k - 1 / (k * k)) + 1 / (k * k));
            assertEquals(expected, v[step][0] + 70, 1e-11, "t = " + t + " ms after the arrival");
        }
    }

    /**
     * Time constants given per neuron give each neuron its own propagator (NEST keeps one per
     * neuron): tau_syn_ex of 2, 5 and 10 ms (= tau_m, the repeated eigenvalue) side by side.
     */
    @Test
    void perNeuronTimeConstantsGetTheirOwnPropagators() {
        NeuronModelFactory iaf = CatalogModels.model("iaf_psc_exp");
        double w = 0.1, c = 0.25, tm = 10, t = 7;
        double[] ts = {2, 5, 10};
        Network net = new Network(Backends.get("cpu")).dt(0.1);
        NeuronGroup g = new NeuronGroup("n", ts.length, iaf.create(Map.of()))
                .method(GroupIntegrator.method(iaf.method())).set("tau_syn_ex", Initializer.values(ts))
                .init("I_syn_ex", Initializer.constant(w));
        net.add(g);
        net.run(t);
        double[] v = g.variable("V_m").toDoubleArray();
        for (int i = 0; i < ts.length; i++) {
            double expected = ts[i] == tm ? w / c * t * Math.exp(-t / tm) : psp(w, c, tm, ts[i], t);
            assertEquals(expected, v[i] + 70, 1e-12, "neuron " + i + ", tau_syn_ex = " + ts[i]);
        }
    }

    /**
     * Per-neuron time constants written through their tensor between runs are taken up (the group
     * computes its propagators again only when a value they read changed: runs in chunks reuse them),
     * and a run in chunks with unchanged values gives the one run's state: I_syn_ex = w e^(-t/tau).
     */
    @Test
    void perNeuronTimeConstantsWrittenBetweenRunsAreTakenUp() {
        NeuronModelFactory iaf = CatalogModels.model("iaf_psc_exp");
        double w = 0.1, t1 = 3, t2 = 4;
        double[] ts = {2, 5}, ts2 = {4, 1};
        Network net = new Network(Backends.get("cpu")).dt(0.1);
        NeuronGroup g = new NeuronGroup("n", ts.length, iaf.create(Map.of()))
                .method(GroupIntegrator.method(iaf.method())).set("tau_syn_ex", Initializer.values(ts))
                .init("I_syn_ex", Initializer.constant(w));
        net.add(g);
        for (int chunk = 0; chunk < 30; chunk++) {
            net.run(t1 / 30);
        }
        double[] i1 = g.variable("I_syn_ex").toDoubleArray();
        for (int i = 0; i < ts.length; i++) {
            assertEquals(w * Math.exp(-t1 / ts[i]), i1[i], 1e-14, "neuron " + i + " after the chunks");
        }
        Backend cpu = Backends.get("cpu");
        cpu.copy(cpu.asTensor(ts2), g.variable("tau_syn_ex"));
        net.run(t2);
        double[] i2 = g.variable("I_syn_ex").toDoubleArray();
        for (int i = 0; i < ts.length; i++) {
            assertEquals(i1[i] * Math.exp(-t2 / ts2[i]), i2[i], 1e-14, "neuron " + i + " under tau_syn_ex = " + ts2[i]);
        }
    }

    /** A coefficient that reads an input (which may change every step) has no propagator per run: refused, naming it. */
    @Test
    void aCoefficientReadingAnInputIsRefusedNamingIt() {
        NeuronModel model = NeuronModel.builder("leaky")
                .equations("""
                        dV/dt = -gain * V / tau + g : 1
                        dg/dt = -g / tau : 1
                        """)
                .input("gain").parameter("tau", 10).build();
        Network net = new Network(Backends.get("cpu")).dt(0.1);
        net.add(new NeuronGroup("n", 2, model).method(GroupIntegrator.method("exact")));
        SimulationException e = assertThrows(SimulationException.class, net::build);
        assertTrue(e.getMessage().contains("'gain'") && e.getMessage().contains("group n")
                && e.getMessage().contains("rk4"), e.getMessage());
    }

    /** The membrane's response to a current w e^(-t/tau_s) from rest: w/C tau_m tau_s/(tau_m - tau_s) (e^(-t/tau_m) - e^(-t/tau_s)). */
    private static double psp(double w, double c, double tm, double ts, double t) {
        return w / c * tm * ts / (tm - ts) * (Math.exp(-t / tm) - Math.exp(-t / ts));
    }
}
