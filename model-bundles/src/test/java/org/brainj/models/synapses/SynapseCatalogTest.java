package org.brainj.models.synapses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.measure.Unit;
import org.brainj.api.connect.Csr;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.models.files.ModelFile;
import org.brainj.models.files.ModelFileException;
import org.brainj.models.files.ModelFiles;
import org.junit.jupiter.api.Test;

/**
 * The synapse library on a plain classpath: every file loads and is listed, and the plasticity
 * models change weights and transmit as their papers' closed forms say. Spikes come from groups
 * driven by events at chosen times; the post-synaptic target is a variable that only sums what
 * the synapses add.
 */
class SynapseCatalogTest {
    private static final double DT = 0.1;

    static SynapseModelFactory synapse(String name) {
        return SynapseModelFactory.onClasspath(SynapseCatalogTest.class.getClassLoader()).stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not found"));
    }

    @Test
    void everySynapseFileInTheFolderLoadsAndIsListed() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/models"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ModelFiles.SYNAPSE_EXTENSION))
                    .map(n -> n.substring(0, n.length() - ModelFiles.SYNAPSE_EXTENSION.length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = SynapseModelFactory.onClasspath(getClass().getClassLoader()).stream()
                .map(SynapseModelFactory::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(files, listed);
        assertTrue(listed.containsAll(Set.of("STDP", "stdp_synapse", "Triplet", "TripletNearest", "STP", "STD", "NMDA", "GapJunction",
                "AMPA", "GABAa", "Exponential", "DualExponential", "Alpha", "Delta")), listed.toString());
        for (String name : listed) {
            synapse(name).parameters().forEach(p -> assertTrue(!p.description().isBlank(), name + "." + p.name()));
        }
    }

    @Test
    void aNeuronKeyInASynapseFileIsOneLineNamingTheFileAndLine() {
        String text = """
                name: Bad
                target: g : 1
                threshold: w > 1
                equations:
                    w : 1
                """;
        ModelFileException e = assertThrows(ModelFileException.class,
                () -> new org.brainj.models.files.FileSynapse(ModelFile.parse("Bad.synapse", text)));
        assertEquals("Bad.synapse:3: 'threshold' is a key of neuron models (.model files); remove it", e.getMessage());
    }

    // ---- plasticity: weight change of one pair or triplet --------------------------------------------------

    /** A group whose neurons spike at the given times, and a post-synaptic target {@code g} that only sums. */
    private static CompiledNeuron spiking() {
        return NeuronText.of("dg/dt = 0 : 1\ninput : 1").input("input").threshold("input > 0.5").compile("timed");
    }

    /** The final weight of one synapse from a neuron spiking at {@code pre} onto one spiking at {@code post} (ms). */
    private static double weightAfter(String model, Map<String, ?> params, double w0, double[] pre, double[] post) {
        CompiledNeuron timed = spiking();
        NeuronGroup a = timed.group("A", 1);
        NeuronGroup b = timed.group("B", 1);
        Map<String, Unit<?>> vars = Map.of("g", PhysicalUnits.ONE, "input", PhysicalUnits.ONE);
        var compiled = synapse(model).compile("S", params, new SynapseModelFactory.Groups(vars, vars, "g", null, null));
        Synapses s = new Synapses("S", compiled.synapse().model(), a, b, new Csr(new int[] {0, 1}, new int[] {0}, null));
        s.init("w", w0);
        Network net = new Network(Backends.get("cpu")).dt(DT).add(a, b, s,
                Input.events(a, "input", new int[pre.length], pre), Input.events(b, "input", new int[post.length], post));
        net.run(Math.max(pre[pre.length - 1], post[post.length - 1]) + 5);
        return s.variable("w").toDoubleArray()[0];
    }

    /** Song et al.: a pair at lag dt changes w by dApre exp(-dt/taupre), or by dApost exp(-|dt|/taupost) when post leads. */
    @Test
    void stdpChangesTheWeightOfOnePairByTheExponentialWindow() {
        double w0 = 0.005;
        for (double lag : new double[] {2, 10, 35}) {
            double potentiated = weightAfter("STDP", Map.of(), w0, new double[] {5}, new double[] {5 + lag});
            assertEquals(w0 + 1e-4 * Math.exp(-lag / 20), potentiated, 1e-15, "pre leads by " + lag + " ms");
            double depressed = weightAfter("STDP", Map.of(), w0, new double[] {5 + lag}, new double[] {5});
            assertEquals(w0 - 1.05e-4 * Math.exp(-lag / 20), depressed, 1e-15, "post leads by " + lag + " ms");
        }
        // the bounds: a weight at gmax is not potentiated further (additive, clipped)
        assertEquals(0.01, weightAfter("STDP", Map.of(), 0.01, new double[] {5}, new double[] {7}), 0);
    }

    /** NEST's stdp_synapse at mu 1: potentiation lambda (Wmax - w) K_plus, depression alpha lambda w K_minus. */
    @Test
    void nestStdpHasMultiplicativeBoundsAtMuOne() {
        double w0 = 40;
        double lag = 8;
        double up = weightAfter("stdp_synapse", Map.of(), w0, new double[] {5}, new double[] {5 + lag});
        assertEquals(w0 + 0.01 * (100 - w0) * Math.exp(-lag / 20), up, 1e-12);
        double down = weightAfter("stdp_synapse", Map.of("alpha", 2.0), w0, new double[] {5 + lag}, new double[] {5});
        assertEquals(w0 - 2 * 0.01 * w0 * Math.exp(-lag / 20), down, 1e-12);
        // mu 0: additive, the step does not depend on w
        double additive = weightAfter("stdp_synapse", Map.of("mu_plus", 0.0), w0, new double[] {5}, new double[] {5 + lag});
        assertEquals(w0 + 0.01 * 100 * Math.exp(-lag / 20), additive, 1e-12);
    }

    /**
     * Pfister & Gerstner's triplet rule, eq. 3-4 with all-to-all traces: pre at 0, post at lag,
     * post again T later: A2+ e^(-lag/tau+) + e^(-(lag+T)/tau+) (A2+ + A3+ e^(-T/tau_y)).
     */
    @Test
    void tripletRuleAddsTheTripletTermForPrePostPost() {
        double w0 = 0.5;
        double lag = 10;
        double period = 20;
        double a2p = 7.5e-10;
        double a3p = 0.0093;
        double pair = weightAfter("Triplet", Map.of(), w0, new double[] {5}, new double[] {5 + lag});
        assertEquals(w0 + a2p * Math.exp(-lag / 16.8), pair, 1e-15);
        double triplet = weightAfter("Triplet", Map.of(), w0, new double[] {5}, new double[] {5 + lag, 5 + lag + period});
        double expected = w0 + a2p * Math.exp(-lag / 16.8)
                + Math.exp(-(lag + period) / 16.8) * (a2p + a3p * Math.exp(-period / 125));
        assertEquals(expected, triplet, 1e-15);
        // post-pre: depression by A2- e^(-lag/tau-) (r2 is 0 at the first pre spike)
        double depressed = weightAfter("Triplet", Map.of(), w0, new double[] {5 + lag}, new double[] {5});
        assertEquals(w0 - 0.007 * Math.exp(-lag / 33.7), depressed, 1e-15);
    }

    /**
     * The triplet rule at Pfister & Gerstner's visual-cortex all-to-all set (their Table 3, as the
     * pairing-experiment scripts of nest-stdpmodule give it: tau+ 16.8, tau- 33.7, tau_x 101,
     * tau_y 125 ms, A2+ 5e-10, A3+ 6.2e-3, A2- 7e-3, A3- 2.3e-4), every parameter in play: a
     * pre-post-post triplet potentiates by A2+ e^(-lag/tau+) + e^(-(lag+T)/tau+) (A2+ + A3+ e^(-T/tau_y)),
     * a post-pre-pre triplet depresses by A2- e^(-lag/tau-) + e^(-(lag+T)/tau-) (A2- + A3- e^(-T/tau_x)).
     */
    @Test
    void tripletRuleAtThePapersVisualCortexSetFollowsTheClosedForm() {
        Map<String, Double> paper = Map.of("tau_plus", 16.8, "tau_minus", 33.7, "tau_x", 101.0, "tau_y", 125.0,
                "A2_plus", 5e-10, "A3_plus", 6.2e-3, "A2_minus", 7e-3, "A3_minus", 2.3e-4);
        double w0 = 0.5;
        double lag = 10;
        double period = 20;
        double up = weightAfter("Triplet", paper, w0, new double[] {5}, new double[] {5 + lag, 5 + lag + period});
        assertEquals(w0 + 5e-10 * Math.exp(-lag / 16.8)
                + Math.exp(-(lag + period) / 16.8) * (5e-10 + 6.2e-3 * Math.exp(-period / 125)), up, 1e-15);
        double down = weightAfter("Triplet", paper, w0, new double[] {5 + lag, 5 + lag + period}, new double[] {5});
        assertEquals(w0 - 7e-3 * Math.exp(-lag / 33.7)
                - Math.exp(-(lag + period) / 33.7) * (7e-3 + 2.3e-4 * Math.exp(-period / 101)), down, 1e-15);
    }

    /** Pfister & Gerstner's hippocampal nearest-spike set (Table 4), TripletNearest's defaults. */
    private static final double TAU_PLUS = 16.8;
    private static final double TAU_MINUS = 33.7;
    private static final double TAU_X = 575;
    private static final double TAU_Y = 47;
    private static final double A2P = 4.6e-3;
    private static final double A3P = 9.1e-3;
    private static final double A2M = 3e-3;
    private static final double A3M = 7.5e-9;

    /**
     * Nearest-spike triplets, where each trace has seen at most one spike of its side when it is
     * read, change w exactly as all-to-all ones do: pre-post-post potentiates by
     * A2+ e^(-lag/tau+) + e^(-(lag+T)/tau+) (A2+ + A3+ e^(-T/tau_y)), post-pre-pre depresses by
     * A2- e^(-lag/tau-) + e^(-(lag+T)/tau-) (A2- + A3- e^(-T/tau_x)).
     */
    @Test
    void nearestSpikeTripletsFollowTheClosedForm() {
        double w0 = 0.5;
        double lag = 10;
        double period = 20;
        double up = weightAfter("TripletNearest", Map.of(), w0, new double[] {5}, new double[] {5 + lag, 5 + lag + period});
        assertEquals(w0 + A2P * Math.exp(-lag / TAU_PLUS)
                + Math.exp(-(lag + period) / TAU_PLUS) * (A2P + A3P * Math.exp(-period / TAU_Y)), up, 1e-15);
        double down = weightAfter("TripletNearest", Map.of(), w0, new double[] {5 + lag, 5 + lag + period}, new double[] {5});
        assertEquals(w0 - A2M * Math.exp(-lag / TAU_MINUS)
                - Math.exp(-(lag + period) / TAU_MINUS) * (A2M + A3M * Math.exp(-period / TAU_X)), down, 1e-15);
    }

    /**
     * Where the interactions differ: two spikes of one side before the other side reads its trace.
     * Nearest-spike, pre-pre-post potentiates by A2+ e^(-lag/tau+) only (the first pre spike is
     * forgotten; all-to-all adds A2+ e^(-(lag+T)/tau+)), and post-post-post's third spike reads
     * o2 = e^(-T/tau_y) (all-to-all: e^(-T/tau_y) + e^(-2T/tau_y)).
     */
    @Test
    void nearestSpikePairsOnlyWithTheLastSpikeOfTheOtherSide() {
        double w0 = 0.5;
        double lag = 10;
        double period = 20;
        double[] prePre = {5, 5 + period};
        double[] post = {5 + period + lag};
        assertEquals(w0 + A2P * Math.exp(-lag / TAU_PLUS), weightAfter("TripletNearest", Map.of(), w0, prePre, post), 1e-15);
        assertEquals(w0 + A2P * (Math.exp(-lag / TAU_PLUS) + Math.exp(-(lag + period) / TAU_PLUS)),
                weightAfter("Triplet", Map.of("A2_plus", A2P), w0, prePre, post), 1e-15, "all-to-all, for contrast");
        // post-post-post after one pre: r1 decays from the single pre spike, o2 restarts at 1 at each post spike
        double[] posts = {5 + lag, 5 + lag + period, 5 + lag + 2 * period};
        double r1 = Math.exp(-lag / TAU_PLUS);
        double g = Math.exp(-period / TAU_PLUS);
        double o2 = Math.exp(-period / TAU_Y);
        double expected = w0 + r1 * A2P + r1 * g * (A2P + A3P * o2) + r1 * g * g * (A2P + A3P * o2);
        assertEquals(expected, weightAfter("TripletNearest", Map.of(), w0, new double[] {5}, posts), 1e-15);
        // post-post-pre: depression by the last post spike only
        assertEquals(w0 - A2M * Math.exp(-lag / TAU_MINUS),
                weightAfter("TripletNearest", Map.of(), w0, new double[] {5 + period + lag}, new double[] {5, 5 + period}), 1e-15);
    }

    /**
     * The pairing protocol (Sjöström et al. 2001, the paper's Fig. 3): n pairs at rate rho = 1/T,
     * post lagging pre by d. Nearest-spike, every post spike but the first reads o2 = e^(-T/tau_y)
     * and every pre spike but the first reads o1 = e^(-(T-d)/tau-), r2 = e^(-T/tau_x):
     * dw = n A2+ e^(-d/tau+) + (n-1) [A3+ e^(-d/tau+) e^(-T/tau_y) - e^(-(T-d)/tau-) (A2- + A3- e^(-T/tau_x))].
     * Post leading by d: dw = (n-1) e^(-(T-d)/tau+) (A2+ + A3+ e^(-T/tau_y))
     * - e^(-d/tau-) (n A2- + (n-1) A3- e^(-T/tau_x)). The potentiation grows with rho, as in the paper.
     */
    @Test
    void nearestSpikePairingFollowsTheClosedFormAtEveryRate() {
        int n = 10;
        double d = 10;
        double w0 = 0.5;
        double previous = Double.NEGATIVE_INFINITY;
        for (double rate : new double[] {5, 10, 20, 40}) {
            double period = 1000 / rate;
            double[] pre = new double[n];
            double[] post = new double[n];
            for (int k = 0; k < n; k++) {
                pre[k] = 5 + k * period;
                post[k] = pre[k] + d;
            }
            double ltp = n * A2P * Math.exp(-d / TAU_PLUS) + (n - 1) * (A3P * Math.exp(-d / TAU_PLUS) * Math.exp(-period / TAU_Y)
                    - Math.exp(-(period - d) / TAU_MINUS) * (A2M + A3M * Math.exp(-period / TAU_X)));
            double up = weightAfter("TripletNearest", Map.of(), w0, pre, post) - w0;
            assertEquals(ltp, up, 1e-14, rate + " Hz, pre leads");
            assertTrue(up > previous, "potentiation grows with the rate: " + rate + " Hz");
            previous = up;
            double ltd = (n - 1) * Math.exp(-(period - d) / TAU_PLUS) * (A2P + A3P * Math.exp(-period / TAU_Y))
                    - Math.exp(-d / TAU_MINUS) * (n * A2M + (n - 1) * A3M * Math.exp(-period / TAU_X));
            assertEquals(ltd, weightAfter("TripletNearest", Map.of(), w0, post, pre) - w0, 1e-14, rate + " Hz, post leads");
        }
    }

    // ---- short-term plasticity: the amplitude of a regular train's last spike ---------------------------------

    /** What {@code n} spikes every {@code period} ms deliver to the target, summed. */
    private static double delivered(String model, Map<String, ?> params, int n, double period) {
        CompiledNeuron timed = spiking();
        NeuronGroup a = timed.group("A", 1);
        NeuronGroup b = timed.group("B", 1);
        Map<String, Unit<?>> vars = Map.of("g", PhysicalUnits.ONE, "input", PhysicalUnits.ONE);
        var compiled = synapse(model).compile("S", params, new SynapseModelFactory.Groups(vars, vars, "g", null, null));
        Synapses s = new Synapses("S", compiled.synapse().model(), a, b, new Csr(new int[] {0, 1}, new int[] {0}, null));
        compiled.initial().forEach(s::init);
        double[] times = new double[n];
        for (int k = 0; k < n; k++) {
            times[k] = 1 + k * period;
        }
        Network net = new Network(Backends.get("cpu")).dt(DT).add(a, b, s, Input.events(a, "input", new int[n], times));
        net.run(times[n - 1] + 1);
        return b.variable("g").toDoubleArray()[0];
    }

    /** Tsodyks et al. (1998): the steady amplitude U/(1-(1-U)e^(-T/tau_f)) times (1-e^(-T/tau_d))/(1-(1-u*)e^(-T/tau_d)). */
    @Test
    void stpSettlesAtTheClosedFormSteadyState() {
        for (double period : new double[] {25, 100}) {
            double last = delivered("STP", Map.of(), 200, period) - delivered("STP", Map.of(), 199, period);
            double u = 0.15 / (1 - 0.85 * Math.exp(-period / 1500));
            double x = (1 - Math.exp(-period / 200)) / (1 - (1 - u) * Math.exp(-period / 200));
            assertEquals(u * x, last, 1e-12, "period " + period + " ms");
        }
    }

    /** Tsodyks & Markram (1997): U (1-e^(-T/tau)) / (1-(1-U)e^(-T/tau)), falling as 1/rate at high rates. */
    @Test
    void stdSettlesAtTheClosedFormSteadyState() {
        for (double period : new double[] {10, 50}) {
            double last = delivered("STD", Map.of("U", 0.5), 100, period) - delivered("STD", Map.of("U", 0.5), 99, period);
            double e = Math.exp(-period / 200);
            assertEquals(0.5 * (1 - e) / (1 - 0.5 * e), last, 1e-12, "period " + period + " ms");
        }
    }
}
