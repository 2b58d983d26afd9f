package org.brainj.models.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import javax.measure.Unit;
import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.PostAligned;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/**
 * The compiler's choice between per-synapse state and state merged per post-synaptic neuron
 * ({@link PostAligned}), on the library's own files: the linear kinetic synapses merge, the
 * receptors with saturating kinetics and the plastic synapses do not; merged and per-synapse runs
 * of one network agree to rounding; and one spike through a merged synapse follows the closed
 * form of its equations. Numbers are in the coherent system: ms, mV, nA.
 */
class MergedSynapsesTest {
    private static final double DT = 0.1;
    /** The step of the closed-form runs: RK4's error on the 1 ms rise stays below 1e-10 of the peak. */
    private static final double FINE = 0.01;

    private static Map<String, Unit<?>> units(CompiledNeuron n) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        n.model().derivatives().keySet().forEach(x -> vars.put(x, n.unit(x)));
        n.parameters().keySet().forEach(p -> vars.put(p, n.unit(p)));
        return vars;
    }

    /** Neurons spiking on demand (input > 0.5), and integrating the current they are given. */
    private static CompiledNeuron integrator() {
        return NeuronText.of("dV/dt = I / C : volt\nI : amp\ng : 1\ninput : 1").parameter("C", "100 pF").perNeuron("I")
                .perNeuron("g").input("input").threshold("input > 0.5").compile("integrator");
    }

    /** The library's model onto the integrator's current I, or its unitless g for one that adds at spikes. */
    private static SynapseModelFactory.Compiled compiled(String model, Map<String, ?> params) {
        CompiledNeuron n = integrator();
        SynapseModelFactory factory = SynapseCatalogTest.synapse(model);
        return factory.compile("S", params, new SynapseModelFactory.Groups(units(n), units(n),
                factory.summed() ? "I" : "g", "V", "V"));
    }

    @Test
    void theLinearKineticSynapsesMergeAndTheOthersKeepTheirState() {
        for (String name : new String[] {"Exponential", "DualExponential", "Alpha"}) {
            assertTrue(PostAligned.of(compiled(name, Map.of()).synapse().model()).isPresent(),
                    name + ": " + PostAligned.refusal(compiled(name, Map.of()).synapse().model()));
        }
        Map<String, String> why = Map.of("NMDA", "not linear in g", "AMPA", "reads [t, t_spike]",
                "STDP", "on_post", "STP", "event-driven", "GapJunction", "no clock-driven state");
        why.forEach((name, reason) -> {
            String refusal = PostAligned.refusal(compiled(name, Map.of()).synapse().model());
            assertNotNull(refusal, name + " must keep per-synapse state");
            assertTrue(refusal.contains(reason), name + ": " + refusal);
        });
    }

    /** The same model text, run merged and (a monitor asking for per-synapse values) per synapse. */
    private static double[][] run(String model, boolean perSynapse) {
        CompiledNeuron n = integrator();
        int pre = 6;
        int post = 4;
        NeuronGroup a = n.group("A", pre).set("I", Initializer.constant(0));
        NeuronGroup b = n.group("B", post).set("I", Initializer.constant(0)).init("V", Initializer.constant(-65));
        Random rng = new Random(7);
        int[] indptr = new int[pre + 1];
        java.util.List<Integer> targets = new java.util.ArrayList<>();
        for (int i = 0; i < pre; i++) {
            for (int j = 0; j < post; j++) {
                if (rng.nextDouble() < 0.6) {
                    targets.add(j);
                }
            }
            indptr[i + 1] = targets.size();
        }
        double[] w = new double[targets.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = 0.5 + rng.nextDouble();
        }
        var c = compiled(model, Map.of());
        Synapses s = new Synapses("S", c.synapse().model(), a, b,
                new Csr(indptr, targets.stream().mapToInt(Integer::intValue).toArray(), null));
        s.init("w", w);
        if (perSynapse) {
            s.monitor("s", null, 1);
        }
        int[] who = new int[12];
        double[] when = new double[12];
        for (int k = 0; k < who.length; k++) {
            who[k] = rng.nextInt(pre);
            when[k] = Math.round((1 + 20 * rng.nextDouble()) / DT) * DT;
        }
        Network net = new Network(Backends.get("cpu")).dt(DT).add(a, b, s, Input.events(a, "input", who, when));
        StateMonitor current = net.monitor(b, "I");
        net.run(40);
        assertEquals(!perSynapse, s.isMerged(), model);
        return new double[][] {b.variable("V").toDoubleArray(), current.values()[current.values().length - 1]};
    }

    @Test
    void mergedAndPerSynapseRunsOfOneNetworkAgree() {
        for (String model : new String[] {"Exponential", "DualExponential", "Alpha"}) {
            double[][] merged = run(model, false);
            double[][] each = run(model, true);
            for (int part = 0; part < 2; part++) {
                for (int j = 0; j < merged[part].length; j++) {
                    assertEquals(each[part][j], merged[part][j], 1e-12 * Math.max(1, Math.abs(each[part][j])),
                            model + (part == 0 ? " V" : " I") + " of neuron " + j);
                }
            }
            assertTrue(Math.abs(merged[0][0] + 65) > 1e-3, model + " drove the neurons");
        }
    }

    /**
     * One spike of weight w through each merged synapse, integrated exactly: the current is
     * {@code w e^(-t/tau)} (Exponential), {@code w (t/ms) e^(-t/tau)} (Alpha) and
     * {@code w tau_d tau_r / (tau_d - tau_r) (e^(-t/tau_d) - e^(-t/tau_r)) / ms} (DualExponential),
     * t counted from the step the spike arrives in. Exponential's file integrates its gate exactly,
     * the coupled pairs' files by RK4, here at dt = 0.01 ms.
     */
    @Test
    void oneSpikeThroughAMergedSynapseFollowsTheClosedForm() {
        double w = 0.7;
        int onset = onset(w);
        Map<String, DoubleUnaryOperator> closed = new LinkedHashMap<>();
        closed.put("Exponential", t -> w * Math.exp(-t / 8));
        closed.put("Alpha", t -> w * t * Math.exp(-t / 8));
        closed.put("DualExponential", t -> w * 10 * 1 / (10 - 1.0) * (Math.exp(-t / 10) - Math.exp(-t / 1.0)));
        closed.forEach((model, form) -> {
            boolean decoupled = model.equals("Exponential");
            double[] trace = oneSpike(model, w);
            for (int k = onset; k < trace.length; k++) {
                assertEquals(form.applyAsDouble((k - onset) * FINE), trace[k], decoupled ? 1e-12 : 1e-10,
                        model + " at step " + k);
            }
            for (int k = 0; k < onset; k++) {
                assertEquals(0, trace[k], 0, model + " before the spike, step " + k);
            }
        });
    }

    /** The first step whose current an Exponential synapse's spike reaches: the sample that equals w. */
    private static int onset(double w) {
        double[] trace = oneSpike("Exponential", w);
        for (int k = 0; k < trace.length; k++) {
            if (trace[k] != 0) {
                assertEquals(w, trace[k], 1e-15, "the spike's first sample");
                return k;
            }
        }
        throw new AssertionError("no spike arrived");
    }

    private static double[] oneSpike(String model, double w) {
        CompiledNeuron n = integrator();
        NeuronGroup a = n.group("A", 1).set("I", Initializer.constant(0));
        NeuronGroup b = n.group("B", 1).set("I", Initializer.constant(0)).init("V", Initializer.constant(-65));
        Synapses s = new Synapses("S", compiled(model, Map.of()).synapse().model(), a, b,
                new Csr(new int[] {0, 1}, new int[] {0}, null));
        s.init("w", w);
        Network net = new Network(Backends.get("cpu")).dt(FINE).add(a, b, s,
                Input.events(a, "input", new int[] {0}, new double[] {1}));
        StateMonitor current = net.monitor(b, "I");
        net.run(30);
        assertTrue(s.isMerged(), model);
        assertFalse(s.usesAlignPost(), model);
        double[][] rows = current.values();
        double[] trace = new double[rows.length];
        for (int k = 0; k < trace.length; k++) {
            trace[k] = rows[k][0];
        }
        return trace;
    }
}
