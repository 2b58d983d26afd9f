package org.brainj.models.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.connect.Csr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/**
 * The library's receptors and gap junction, compiled against neurons written with units (so the
 * file's units are checked against theirs), against closed forms: Jahr and Stevens' Mg block,
 * the steady state of two passive cells coupled by a junction, and the conductance after one
 * spike. Numbers are in the coherent system: ms, mV, nA, uS.
 */
class KineticSynapsesTest {
    /** A group's variables with their units, as a spec's equation model gives them. */
    private static Map<String, Unit<?>> units(CompiledNeuron n) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        n.model().derivatives().keySet().forEach(x -> vars.put(x, n.unit(x)));
        n.parameters().keySet().forEach(p -> vars.put(p, n.unit(p)));
        return vars;
    }

    private static Synapses synapses(String model, Map<String, ?> params, CompiledNeuron pre, NeuronGroup a,
                                     CompiledNeuron post, NeuronGroup b, String target, Csr csr) {
        var compiled = SynapseCatalogTest.synapse(model).compile("S", params,
                new SynapseModelFactory.Groups(units(pre), units(post), target, "V", "V"));
        Synapses s = new Synapses("S", compiled.synapse().model(), a, b, csr);
        compiled.initial().forEach(s::init);
        return s;
    }

    /** Neurons held at their initial potential, with the current a synapse drives. */
    private static CompiledNeuron clamped() {
        return NeuronText.of("dV/dt = 0*mV/ms : volt\nI : amp\ninput : 1").perNeuron("I").input("input")
                .threshold("input > 0.5").compile("clamp");
    }

    /** Jahr & Stevens (1990): the unblocked fraction 1 / (1 + [Mg]/3.57 mM exp(-0.062 V/mV)). */
    @Test
    void nmdaCurrentFollowsTheJahrStevensMagnesiumBlock() {
        double[] v = {-100, -80, -60, -40, -20, -10, 10, 20, 40};
        CompiledNeuron clamp = clamped();
        int[] all = new int[v.length];
        for (int j = 0; j < v.length; j++) {
            all[j] = j;
        }
        for (double mg : new double[] {1.2, 2.0}) {
            NeuronGroup a = clamp.group("A", 1).set("I", Initializer.constant(0));
            NeuronGroup b = clamp.group("B", v.length).set("I", Initializer.constant(0)).init("V", Initializer.values(v));
            Synapses s = synapses("NMDA", Map.of("cc_Mg", mg), clamp, a, clamp, b, "I",
                    new Csr(new int[] {0, v.length}, all, null));
            s.init("g", 0.5);
            new Network(Backends.get("cpu")).dt(0.1).add(a, b, s).run(0.1);
            double[] current = b.variable("I").toDoubleArray();
            for (int j = 0; j < v.length; j++) {
                double open = 0.15e-3 * 0.5 * (0 - v[j]); // 0.15 nS = 0.15e-3 uS, g = 0.5, E = 0 mV: nA
                double block = 1 / (1 + mg / 3.57 * Math.exp(-0.062 * v[j]));
                assertEquals(open * block, current[j], 1e-15, "V = " + v[j] + " mV, [Mg] = " + mg + " mM");
            }
        }
    }

    /**
     * Two passive cells, C dV/dt = g_L (E_L - V) + I_e + I, joined both ways by a junction of
     * conductance w: the steady state solves g_L u0 = I_e - w (u0 - u1), g_L u1 = w (u0 - u1)
     * (u = V - E_L), so u0 = I_e (g_L + w) / (g_L (g_L + 2 w)) and u1 = w u0 / (g_L + w).
     */
    @Test
    void gapJunctionCouplesTwoPassiveCellsToTheAnalyticSteadyState() {
        CompiledNeuron passive = NeuronText.of("dV/dt = (g_L * (E_L - V) + I_e + I) / C : volt\nI : amp\nI_e : amp")
                .parameter("g_L", "10 nS").parameter("E_L", "-70 mV").parameter("C", "100 pF")
                .perNeuron("I").perNeuron("I_e").compile("passive");
        NeuronGroup cells = passive.group("cells", 2).set("I", Initializer.constant(0))
                .set("I_e", Initializer.values(0.1, 0)).init("V", Initializer.constant(-70));
        Synapses s = synapses("GapJunction", Map.of("g", 5.0), passive, cells, passive, cells, "I",
                new Csr(new int[] {0, 1, 2}, new int[] {1, 0}, null));
        new Network(Backends.get("cpu")).dt(0.1).add(cells, s).run(400);
        double gL = 0.01;
        double w = 0.005; // uS
        double u0 = 0.1 * (gL + w) / (gL * (gL + 2 * w));
        double u1 = w * u0 / (gL + w);
        double[] v = cells.variable("V").toDoubleArray();
        assertEquals(-70 + u0, v[0], 1e-9);
        assertEquals(-70 + u1, v[1], 1e-9);
        assertEquals(7.5, u0, 1e-12); // 0.1 nA (15 nS) / (10 nS 20 nS)
    }

    /** Delta: each arriving spike raises the post-synaptic potential by its synapse's w, nothing more. */
    @Test
    void deltaAddsEachSpikesWeightToThePostSynapticPotential() {
        CompiledNeuron clamp = clamped();
        NeuronGroup a = clamp.group("A", 2).set("I", Initializer.constant(0));
        NeuronGroup b = clamp.group("B", 2).set("I", Initializer.constant(0)).init("V", Initializer.constant(-65));
        // A0 -> B0 (w 0.25 mV), A0 -> B1 (0.5 mV), A1 -> B1 (1.5 mV): w = 0.25 (1 + j) + i
        Synapses s = synapses("Delta", Map.of(), clamp, a, clamp, b, "V", new Csr(new int[] {0, 2, 3}, new int[] {0, 1, 1}, null));
        s.init("w", ExpressionParser.parse("0.25 * (1 + j) + i"));
        new Network(Backends.get("cpu")).dt(0.1).add(a, b, s,
                Input.events(a, "input", new int[] {0, 1, 0}, new double[] {1, 2, 3})).run(5);
        double[] v = b.variable("V").toDoubleArray();
        assertEquals(-65 + 2 * 0.25, v[0], 1e-12, "B0: two spikes of A0 through w = 0.25 mV");
        assertEquals(-65 + 2 * 0.5 + 1.5, v[1], 1e-12, "B1: two of A0 through w = 0.5 mV, one of A1 through 1.5 mV");
    }

    /** The gate of one synapse after one spike at 1 ms, sampled every step. */
    private static double[] gateAfterOneSpike(String model, String gate, Map<String, ?> params, double dt, double duration) {
        CompiledNeuron clamp = clamped();
        NeuronGroup a = clamp.group("A", 1).set("I", Initializer.constant(0));
        NeuronGroup b = clamp.group("B", 1).set("I", Initializer.constant(0)).init("V", Initializer.constant(-65));
        Synapses s = synapses(model, params, clamp, a, clamp, b, "I", new Csr(new int[] {0, 1}, new int[] {0}, null));
        SynapseMonitor m = s.monitor(gate, null, 1);
        new Network(Backends.get("cpu")).dt(dt).add(a, b, s, Input.events(a, "input", new int[] {0}, new double[] {1}))
                .run(duration);
        double[][] recorded = m.values();
        double[] trace = new double[recorded.length];
        for (int k = 0; k < trace.length; k++) {
            trace[k] = recorded[k][0];
        }
        return trace;
    }

    /**
     * Destexhe et al. (1994): during the transmitter pulse g = g_inf (1 - e^(-(alpha T + beta) t)),
     * g_inf = alpha T / (alpha T + beta); after it g decays as e^(-beta t). As in BrainPy the
     * pulse is read at the start of each step: the synapse sees the spike of the step at 1 ms
     * from the next step on, and the transmitter is present in the steps that start less than
     * T_dur after the spike, a pulse of T_dur - dt. Forward Euler at dt = 0.005 ms is within
     * 0.5% of the closed form.
     */
    @Test
    void ampaAndGabaaConductancesFollowTheKineticClosedForm() {
        double dt = 0.005;
        for (var receptor : new Object[][] {{"AMPA", 0.98, 0.18, 0.5, 0.5}, {"GABAa", 0.53, 0.18, 1.0, 1.0}}) {
            double alpha = (double) receptor[1];
            double beta = (double) receptor[2];
            double conc = (double) receptor[3];
            double duration = (double) receptor[4];
            double[] g = gateAfterOneSpike((String) receptor[0], "g", Map.of(), dt, 8);
            double rate = alpha * conc + beta;
            double inf = alpha * conc / rate;
            double onset = 1 + dt;
            duration -= dt;
            double peak = inf * (1 - Math.exp(-rate * duration));
            for (int k = 0; k < g.length; k++) {
                double t = k * dt - onset; // samples are taken before the step's update
                double expected = t <= 0 ? 0 : t <= duration ? inf * (1 - Math.exp(-rate * t))
                        : peak * Math.exp(-beta * (t - duration));
                assertEquals(expected, g[k], 0.005 * peak,
                        receptor[0] + " at " + k * dt + " ms");
            }
        }
    }

    /**
     * The kinetic forms of the named synapses after one spike: Exponential e^(-t/tau), Alpha
     * (t/ms) e^(-t/tau), DualExponential tau_d tau_r / (tau_d - tau_r) (e^(-t/tau_d) - e^(-t/tau_r)) / ms;
     * forward Euler at dt = 0.01 ms within 0.5% of the peak.
     */
    @Test
    void kineticFormsOfTheNamedSynapsesFollowTheirClosedForms() {
        double dt = 0.01;
        double onset = 1 + dt;
        double[] exp = gateAfterOneSpike("Exponential", "s", Map.of("tau", 5.0), dt, 20);
        double[] alpha = gateAfterOneSpike("Alpha", "s", Map.of("tau", 3.0), dt, 20);
        double[] dual = gateAfterOneSpike("DualExponential", "s", Map.of(), dt, 30);
        for (int k = 0; k < exp.length; k++) {
            double t = k * dt - onset;
            double expected = t < 0 ? 0 : Math.exp(-t / 5);
            assertEquals(expected, exp[k], 0.005, "Exponential at " + k * dt + " ms");
        }
        for (int k = 0; k < alpha.length; k++) {
            double t = Math.max(0, k * dt - onset);
            assertEquals(t * Math.exp(-t / 3), alpha[k], 0.005 * 3 / Math.E, "Alpha at " + k * dt + " ms");
        }
        double peak = 0;
        for (int k = 0; k < dual.length; k++) {
            double t = Math.max(0, k * dt - onset);
            double expected = 10.0 * 1 / (10 - 1) * (Math.exp(-t / 10) - Math.exp(-t / 1));
            peak = Math.max(peak, expected);
            assertEquals(expected, dual[k], 0.005 * 0.7, "DualExponential at " + k * dt + " ms");
        }
    }
}
