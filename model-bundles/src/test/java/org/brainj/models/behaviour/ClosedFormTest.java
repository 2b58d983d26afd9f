package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.sim.TimeConvention;
import org.junit.jupiter.api.Test;

/** Behaviour with a closed form: f-I curves of the integrate-and-fire models, rheobases, PSP shapes, Hopf bounds. */
class ClosedFormTest {

    /**
     * A leaky integrator charged from {@code v0} towards {@code rI} (mV above rest) reaches
     * {@code theta} after {@code tau ln((rI - v0) / (rI - theta))}; each later interval starts at the
     * reset and adds the refractory period, less one step under Brian2's convention (the step of the
     * spike counts), in full under NEST's (the models under NEST's names).
     */
    private static void firesAtTheLifRate(String model, Map<String, ?> params, String input, double drive, double rI,
                                          double tau, double v0, double reset, double theta, double tRef) {
        Drive d = new Drive(model, params, input, new double[] {drive}, null).run(500);
        double[] t = d.spikeTimes(0);
        assertTrue(t.length > 3, model + ": " + t.length + " spikes");
        double tol = 2 * d.dt;
        assertEquals(tau * Math.log((rI - v0) / (rI - theta)), t[0], tol, model + ": first spike");
        // the time clamped between stamps: Brian2 frees the neuron t_ref after the start of the spiking
        // step, NEST clamps t_ref / dt updates after its end
        boolean nest = d.factory.create(params).convention() == TimeConvention.NEST;
        double dead = tRef > 0 ? (nest ? tRef : tRef - d.dt) : 0;
        double isi = dead + tau * Math.log((rI - reset) / (rI - theta));
        for (double interval : Drive.intervals(t)) {
            assertEquals(isi, interval, tol, model + ": interval");
        }
    }

    @Test
    void lifFiresAtTheClosedFormRate() {
        // BrainPy's LIF: R 1 Mohm, tau 10 ms, V_rest 0, V_reset -5, V_th 20 mV, 1 ms refractory; starts at V_reset
        firesAtTheLifRate("LIF", Map.of(), "input", 25, 25, 10, -5, -5, 20, 1);
    }

    @Test
    void iafPscDeltaFiresAtTheClosedFormRate() {
        // NEST: 500 pA into 250 pF with tau_m 10 ms is 20 mV at rest's distance; threshold 15 mV above E_L
        firesAtTheLifRate("iaf_psc_delta", Map.of(), "I_e", 500, 20, 10, 0, 0, 15, 2);
        firesAtTheLifRate("iaf_psc_exp", Map.of(), "I_e", 500, 20, 10, 0, 0, 15, 2);
        firesAtTheLifRate("iaf_psc_alpha", Map.of(), "I_e", 500, 20, 10, 0, 0, 15, 2);
    }

    @Test
    void iafCondFiresAtTheClosedFormRate() {
        // without synaptic input: R = 1 / g_L = 60 Mohm, tau = C_m / g_L = 15 ms, V_reset 10 mV above E_L
        double r = 1 / 16.6667e-3;
        firesAtTheLifRate("iaf_cond_exp", Map.of(), "I_e", 376, 0.376 * r, 250 / 16.6667, 0, 10, 15, 2);
        firesAtTheLifRate("iaf_cond_alpha", Map.of(), "I_e", 376, 0.376 * r, 250 / 16.6667, 0, 10, 15, 2);
    }

    /** Mihalas-Niebur's GIF with its defaults is a LIF: R 20 Mohm, tau 20 ms, threshold 20 mV above rest. */
    @Test
    void gifWithItsDefaultsFiresAsALif() {
        firesAtTheLifRate("GIF", Map.of(), "input", 1.5, 30, 20, 0, 0, 20, 0);
    }

    /** ALIF: the first spike as a LIF's, then each spike raises the threshold by beta: intervals grow. */
    @Test
    void alifFirstSpikeIsTheLifsThenIntervalsGrow() {
        Drive d = new Drive("ALIF", Map.of(), "input", new double[] {15}, null).run(500);
        double[] t = d.spikeTimes(0);
        assertEquals(20 * Math.log(15.0 / 5), t[0], 2 * d.dt);
        double[] isi = Drive.intervals(t);
        assertTrue(isi.length >= 2, "intervals: " + isi.length);
        for (int k = 1; k < isi.length; k++) {
            assertTrue(isi[k] > isi[k - 1], "interval " + k + " " + isi[k] + " after " + isi[k - 1]);
        }
    }

    /**
     * Rheobase in closed form: ExpIF's V' = 0 has a solution until the tangent at V = V_T, i.e.
     * I = (V_T - V_rest - delta_T) / R = 1.62 nA; QuaIF's until I = c (V_c - V_rest)^2 / (4 R) = 3.9375 nA.
     */
    @Test
    void exponentialAndQuadraticIfFireAboveTheirClosedFormRheobase() {
        assertRheobase("ExpIF", -59.9 + 65 - 3.48);
        assertRheobase("QuaIF", 0.07 * 15 * 15 / 4);
    }

    private static void assertRheobase(String model, double rheobase) {
        Drive d = new Drive(model, Map.of(), "input", new double[] {0.97 * rheobase, 1.03 * rheobase}, null).run(1000);
        assertEquals(0, d.count(0), model + " below its rheobase " + rheobase);
        assertTrue(d.count(1) > 0, model + " above its rheobase " + rheobase);
    }

    /**
     * FitzHugh-Nagumo's fixed point loses stability where the Jacobian's trace 1 - V^2 - b/tau is 0:
     * V = -/+ 0.9675, at I = 0.3312 and 1.4188. Outside, at most the onset spike; inside, oscillation.
     */
    @Test
    void fhnOscillatesBetweenItsHopfPoints() {
        Drive d = new Drive("FHN", Map.of(), "input", new double[] {0.30, 0.40, 1.35, 1.45}, null).run(1000);
        assertTrue(d.count(0) <= 1, "I = 0.30: " + d.count(0));
        assertTrue(d.count(1) > 15, "I = 0.40: " + d.count(1));
        assertTrue(d.count(2) > 15, "I = 1.35: " + d.count(2));
        assertTrue(d.count(3) <= 1, "I = 1.45: " + d.count(3));
    }

    /**
     * NEST's iaf_psc_exp after one input spike of weight w (I_syn_ex jumps to w at t = 0):
     * V_m - E_L = w / C_m * tau_m tau_s / (tau_m - tau_s) (e^(-t/tau_m) - e^(-t/tau_s)).
     */
    @Test
    void iafPscExpPostsynapticPotentialIsTheClosedForm() {
        double w = 0.1, c = 0.25, tm = 10, ts = 2; // 100 pA, 250 pF (nA, nF)
        Drive d = new Drive("iaf_psc_exp", Map.of(), "I_e", new double[] {0}, "V_m");
        d.init("I_syn_ex", w);
        double[] v = d.run(50).trace(0);
        double peak = 0;
        for (int k = 0; k < v.length; k++) {
            double t = k * d.dt;
            double expected = w / c * tm * ts / (tm - ts) * (Math.exp(-t / tm) - Math.exp(-t / ts));
            assertEquals(expected, v[k] + 70, 1e-11, "t = " + t); // exact: the closed form to rounding of V_m near -70 mV
            peak = Math.max(peak, v[k] + 70);
        }
        double tPeak = Math.log(tm / ts) * tm * ts / (tm - ts);
        assertEquals(w / c * tm * ts / (tm - ts) * (Math.exp(-tPeak / tm) - Math.exp(-tPeak / ts)), peak, 1e-3); // sampled at steps
    }

    /**
     * NEST's iaf_psc_alpha after one input spike of weight w: the current w (t/tau_s) e^(1 - t/tau_s)
     * gives V_m - E_L = w e / (C_m tau_s) e^(-t/tau_m) (1 - e^(-k t) (1 + k t)) / k^2, k = 1/tau_s - 1/tau_m.
     */
    @Test
    void iafPscAlphaPostsynapticPotentialIsTheClosedForm() {
        double w = 0.1, c = 0.25, tm = 10, ts = 2;
        double kk = 1 / ts - 1 / tm;
        Drive d = new Drive("iaf_psc_alpha", Map.of(), "I_e", new double[] {0}, "V_m");
        d.init("dI_ex", w);
        double[] v = d.run(50).trace(0);
        for (int k = 0; k < v.length; k++) {
            double t = k * d.dt;
            double expected = w * Math.E / (c * ts) * Math.exp(-t / tm) * (1 - Math.exp(-kk * t) * (1 + kk * t)) / (kk * kk);
            assertEquals(expected, v[k] + 70, 1e-11, "t = " + t); // exact: the closed form to rounding of V_m near -70 mV
        }
    }

    /**
     * NEST's iaf_cond_alpha after one input spike of weight w onto dg_ex: the conductance
     * w (t/tau_s) e^(1 - t/tau_s), and for a small w (driving force E_ex - E_L)
     * V_m - E_L = w (E_ex - E_L) e / (C_m tau_s) e^(-t/tau_m) (1 - e^(-k t) (1 + k t)) / k^2, k = 1/tau_s - 1/tau_m.
     */
    @Test
    void iafCondAlphaPostsynapticPotentialIsTheClosedForm() {
        double w = 0.001, c = 0.25, gL = 0.0166667, ts = 0.2, tm = c / gL;
        double kk = 1 / ts - 1 / tm;
        Drive d = new Drive("iaf_cond_alpha", Map.of(), "I_e", new double[] {0}, "V_m");
        d.init("dg_ex", w);
        double[] v = d.run(50).trace(0);
        double expectedPeak = 0;
        double[] expected = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            double t = k * d.dt;
            expected[k] = w * 70 * Math.E / (c * ts) * Math.exp(-t / tm) * (1 - Math.exp(-kk * t) * (1 + kk * t)) / (kk * kk);
            expectedPeak = Math.max(expectedPeak, expected[k]);
        }
        for (int k = 0; k < v.length; k++) {
            assertEquals(expected[k], v[k] + 70, 0.01 * expectedPeak, "t = " + k * d.dt);
        }
    }

    /**
     * NEST's iaf_cond_exp after one input spike of weight w onto g_ex: for a small w the driving force
     * stays E_ex - E_L, and V_m - E_L = w (E_ex - E_L) / C_m * tau_m tau_s / (tau_m - tau_s)
     * (e^(-t/tau_m) - e^(-t/tau_s)), tau_m = C_m / g_L; the neglected term is of order w^2.
     */
    @Test
    void iafCondExpPostsynapticPotentialIsTheClosedForm() {
        double w = 0.001, c = 0.25, gL = 0.0166667, ts = 0.2, tm = c / gL; // 1 nS (uS), nF
        Drive d = new Drive("iaf_cond_exp", Map.of(), "I_e", new double[] {0}, "V_m");
        d.init("g_ex", w);
        double[] v = d.run(50).trace(0);
        double peak = 0;
        double expectedPeak = 0;
        for (int k = 0; k < v.length; k++) {
            double t = k * d.dt;
            double expected = w * 70 / c * tm * ts / (tm - ts) * (Math.exp(-t / tm) - Math.exp(-t / ts));
            peak = Math.max(peak, v[k] + 70);
            expectedPeak = Math.max(expectedPeak, expected);
            assertEquals(expected, v[k] + 70, 0.01 * expectedPeak + 1e-9, "t = " + t);
        }
        assertEquals(expectedPeak, peak, 0.01 * expectedPeak);
    }
}
