package org.brainj.examples;

import static org.brainj.examples.Brian2Reference.compare;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.brainj.examples.Brian2Reference.matrix;
import static org.brainj.examples.Brian2Reference.npy;
import static org.brainj.examples.Brian2Reference.results;
import static org.brainj.examples.Brian2Reference.transpose;
import static org.brainj.examples.Brian2Reference.vector;

import java.util.Arrays;
import java.util.Map;
import org.brainj.api.connect.Csr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.CompiledSynapse;
import org.brainj.api.model.NeuronText;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.tensor.Backends;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/**
 * Brian2's own feature tests ({@code brian2/tests/features}, Brian2 2.5.1) written with the Java
 * API, each compared with Brian2's result under Brian2's criterion (relative error at most 1e-5,
 * zeros exact; see {@link Brian2Reference}). Each test's model is Brian2's, transcribed: time in
 * ms here, in seconds in Brian2's results; Brian2's default dt of 0.1 ms; Brian2's choice of
 * method ({@code exact} for linear equations, {@code euler} otherwise). The spike times, state
 * records and refractory counts only agree because the runtime keeps Brian2's conventions (see
 * {@code org.brainj.api.sim}).
 */
class Brian2FeaturesTest {
    private static final double DT = 0.1;

    private static Network network() {
        return new Network(Backends.get("cpu")).dt(DT);
    }

    private static double[] linspace(double from, double to, int n) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = from + (to - from) * k / (n - 1);
        }
        return x;
    }

    private static double[] seconds(double[] ms) {
        return Arrays.stream(ms).map(t -> t / 1000).toArray();
    }

    private static NeuronModel.Builder model(String name, String equations, Map<String, Double> parameters) {
        NeuronModel.Builder b = NeuronModel.builder(name).equations(equations);
        parameters.forEach(b::parameter);
        return b;
    }

    /** {@code NeuronGroup(10, 'dv/dt=-v/tau:1')}, tau = 1 s, v from linspace(0.1, 1, 10), 100 ms. */
    @Test
    void neuronGroupIntegrationLinear() {
        NeuronGroup g = new NeuronGroup("G", 10, model("Linear", "dv/dt = -v/tau : 1", Map.of("tau", 1000.0)).build())
                .method(GroupIntegrator.method("exact")).init("v", Initializer.values(linspace(0.1, 1, 10)));
        Network net = network().add(g);
        net.run(100);
        // Brian2's results are (the closed form, its v): both must hold
        Object[] ref = ((java.util.List<?>) results("NeuronGroupIntegrationLinear")).toArray();
        double[] v = g.variable("v").toDoubleArray();
        compare("v against Brian2's v", vector(ref[1]), v);
        compare("v against v0 exp(-t/tau)", vector(ref[0]), v);
    }

    /** {@code NeuronGroup(10, 'dv/dt=-v**1.1/tau:1')}: not linear, so Brian2 integrates with Euler. */
    @Test
    void neuronGroupIntegrationEuler() {
        NeuronGroup g = new NeuronGroup("G", 10, model("Euler", "dv/dt = -v**1.1/tau : 1", Map.of("tau", 1000.0)).build())
                .method(GroupIntegrator.method("euler")).init("v", Initializer.values(linspace(0.1, 1, 10)));
        network().add(g).run(100);
        compare("v", vector(results("NeuronGroupIntegrationEuler")), g.variable("v").toDoubleArray());
    }

    private static double[] lifSpikeTimes(boolean refractory) {
        NeuronModel.Builder b = model("LIF", "dv/dt = (1.2 - v)/tau : 1" + (refractory ? " (unless refractory)" : ""),
                Map.of("tau", 10.0))
                .threshold(ExpressionParser.parse("v > 1")).reset("v", ExpressionParser.parse("0"));
        if (refractory) {
            b.parameter("t_ref", 1.0).refractory("t_ref");
        }
        NeuronGroup g = new NeuronGroup("G", 1, b.build()).method(GroupIntegrator.method("exact"));
        Network net = network().add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(1000);
        return seconds(m.times());
    }

    /** {@code dv/dt=(1.2-v)/tau}, threshold {@code v>1}, reset {@code v=0}: spike times over 1 s. */
    @Test
    void neuronGroupLif() {
        compare("spike times", vector(results("NeuronGroupLIF")), lifSpikeTimes(false));
    }

    /** The same with {@code (unless refractory)} and {@code refractory=1*ms}. */
    @Test
    void neuronGroupLifRefractory() {
        compare("spike times", vector(results("NeuronGroupLIFRefractory")), lifSpikeTimes(true));
    }

    private static NeuronModel drivenLif(double reset) {
        return model("Driven", "dv/dt = (I - v)/tau : 1\nI : 1", Map.of("tau", 10.0))
                .threshold(ExpressionParser.parse("v > 1")).reset("v", ExpressionParser.parse(Double.toString(reset)))
                .build();
    }

    /** 100 neurons {@code dv/dt = (I-v)/tau} with I = linspace(0, 2, 100): every spike's index and time. */
    @Test
    void spikeMonitorTest() {
        NeuronGroup g = new NeuronGroup("G", 100, drivenLif(0)).method(GroupIntegrator.method("exact"))
                .set("I", Initializer.values(linspace(0, 2, 100)));
        Network net = network().add(g);
        SpikeMonitor m = net.spikes(g);
        net.run(100);
        Map<?, ?> ref = (Map<?, ?>) results("SpikeMonitorTest");
        compare("i", vector(ref.get("i")), Arrays.stream(m.indices()).asDoubleStream().toArray());
        compare("t", vector(ref.get("t")), seconds(m.times()));
    }

    /** 10 neurons from v = 0.1, I = linspace(1.1, 2, 10), reset to 0.1: v of all at every step. */
    @Test
    void stateMonitorTest() {
        NeuronGroup g = new NeuronGroup("G", 10, drivenLif(0.1)).method(GroupIntegrator.method("exact"))
                .set("I", Initializer.values(linspace(1.1, 2, 10))).init("v", Initializer.constant(0.1));
        Network net = network().add(g);
        StateMonitor v = net.monitor(g, "v");
        net.run(100);
        double[][] ours = v.values();
        // Brian2's M.v is (neurons, records); ours (records, neurons)
        double[][] byNeuron = new double[ours[0].length][ours.length];
        for (int r = 0; r < ours.length; r++) {
            for (int i = 0; i < ours[r].length; i++) {
                byNeuron[i][r] = ours[r][i];
            }
        }
        compare("v", matrix(results("StateMonitorTest")), byNeuron);
    }

    /** 1000 spikes of 10 neurons at linspace(0, 1, 1000) * 100 ms, off the dt grid: floored to their steps. */
    @Test
    void spikeGeneratorGroupTest() {
        int n = 1000;
        int[] indices = new int[n];
        for (int k = 0; k < n; k++) {
            indices[k] = k % 10;
        }
        double[] times = Arrays.stream(linspace(0, 1, n)).map(x -> x * 100).toArray();
        NeuronGroup g = SpikeTimeGroup.create("G", 10);
        Network net = network().add(g, SpikeTimeGroup.events(g, indices, times));
        SpikeMonitor m = net.spikes(g);
        net.run(100);
        Map<?, ?> ref = (Map<?, ?>) results("SpikeGeneratorGroupTest");
        compare("i", vector(ref.get("i")), Arrays.stream(m.indices()).asDoubleStream().toArray());
        compare("t", vector(ref.get("t")), seconds(m.times()));
    }

    private static Csr oneToOne(int n) {
        int[] indptr = new int[n + 1];
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indptr[i + 1] = i + 1;
            indices[i] = i;
        }
        return new Csr(indptr, indices, null);
    }

    /** SynapsesPre and SynapsesPost's G: 10 neurons {@code dV/dt = k/tau} (tau = 5 ms, k = linspace(1, 5, 10)), threshold {@code V>1}, reset {@code V=0}. */
    private static final CompiledNeuron G = NeuronText.of("dV/dt = k/tau : 1\nk : 1").threshold("V > 1").reset("V = 0")
            .parameter("tau", "5 ms").perNeuron("k").compile("G");
    /** Their H: Brian2's {@code NeuronGroup(10, 'V:1')}, a per-neuron variable nothing integrates. */
    /** Brian2's SpikeGeneratorGroup as BrainJ's SpikeTimeGroup: a neuron spikes in the step its event falls in. */
    private static final CompiledNeuron Q = NeuronText.of("input : 1").input("input").threshold("input > 0.5")
            .compile("SpikeTimeGroup");
    private static final CompiledNeuron H = NeuronText.of("V : 1").perNeuron("V").compile("H");

    private static NeuronGroup[] groupsGH() {
        NeuronGroup g = G.group("G", 10).method(GroupIntegrator.method("exact")).set("k", Initializer.values(linspace(1, 5, 10)));
        NeuronGroup h = H.group("H", 10).set("V", Initializer.constant(0));
        return new NeuronGroup[] {g, h};
    }

    /** {@code Synapses(G, H, on_pre='V += 1')}, {@code connect(j='i')}, 101 ms: H's V counts G's spikes. */
    @Test
    void synapsesPre() {
        NeuronGroup[] gh = groupsGH();
        SynapseModel model = SynapseText.of("").onPre("V += 1").compile("S", G, H).model();
        Synapses s = new Synapses("S", model, gh[0], gh[1], oneToOne(10));
        network().add(gh[0], gh[1], s).run(101);
        compare("H.V", vector(results("SynapsesPre")), gh[1].variable("V").toDoubleArray());
    }

    /** {@code Synapses(H, G, on_post='V_pre += 1')}: the same count, through the post-synaptic pathway. */
    @Test
    void synapsesPost() {
        NeuronGroup[] gh = groupsGH();
        SynapseModel model = SynapseText.of("").onPost("V_pre += 1").compile("S", H, G).model();
        Synapses s = new Synapses("S", model, gh[1], gh[0], oneToOne(10));
        network().add(gh[0], gh[1], s).run(101);
        compare("H.V", vector(results("SynapsesPost")), gh[1].variable("V").toDoubleArray());
    }

    /**
     * Brian2's SynapsesSTDP: 100 LIF neurons ({@code dv/dt = (g-(v-El))/taum}, {@code dg/dt =
     * -g/taus}, refractory 5 ms) all-to-all with pair-based STDP ({@code Apre}, {@code Apost}
     * event-driven), driven one-to-one by a generator of 1000 spikes, 200 ms. Its random inputs
     * (NumPy seed 42) are the .npy files the reference script saved. Compared: w of the first 10
     * synapses and v of the first 10 neurons at every step, and the spike count.
     */
    @Test
    void synapsesStdp() {
        int n = 100;
        double fac = 60 * 0.27 / 10;
        double gmax = 20 * fac;
        double dApre = 0.01 * 0.1 * gmax;
        double dApost = -0.01 * 20 / 20 * 1.05 * 0.1 * gmax;
        CompiledNeuron lif = NeuronText.of("dv/dt = (g-(v-El))/taum : volt\ndg/dt = -g/taus : volt")
                .threshold("v > Vt").reset("v = Vr").refractory("5 ms").parameter("taum", "20 ms")
                .parameter("taus", "5 ms").parameter("Vt", "-50 mV").parameter("Vr", "-60 mV").parameter("El", "-49 mV")
                .compile("P");
        NeuronGroup p = lif.group("P", n).method(GroupIntegrator.method("rk4"))
                .init("v", Initializer.values(npy("stdp_v_init_mV.npy")));
        NeuronGroup q = Q.group("Q", n);
        int[] sources = Arrays.stream(npy("stdp_sources.npy")).mapToInt(x -> (int) x).toArray();
        Input events = SpikeTimeGroup.events(q, sources, npy("stdp_times_ms.npy"));
        CompiledSynapse stdp = SynapseText.of("""
                dApre/dt=-Apre/taupre    : 1 (event-driven)
                dApost/dt=-Apost/taupost : 1 (event-driven)
                w                        : 1""")
                .onPre("g += w*mV\nApre += dApre\nw = w + Apost").onPost("Apost += dApost\nw = w + Apre")
                .parameter("taupre", "20 ms").parameter("taupost", "20 ms").parameter("dApre", dApre)
                .parameter("dApost", dApost).compile("S", lif, lif);
        int[] indptr = new int[n + 1];
        int[] all = new int[n * n];
        for (int i = 0; i < n; i++) {
            indptr[i + 1] = (i + 1) * n;
            for (int j = 0; j < n; j++) {
                all[i * n + j] = j;
            }
        }
        Synapses s = new Synapses("S", stdp.model(), p, p, new Csr(indptr, all, null)).init("w", npy("stdp_w.npy"));
        // T = Synapses(Q, P, 'w : 1', on_pre='g += w*mV'), w = 10*fac: linear, no per-synapse dynamics
        Synapses t = new Synapses("T", SynapseText.of("w : 1").onPre("g += w*mV").compile("T", Q, lif).model(), q, p,
                oneToOne(n)).init("w", 10 * fac);
        SynapseMonitor w = s.monitor("w", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1);
        Network net = network().add(p, q, events, t, s);
        StateMonitor v = net.monitor(p, "v", new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 1);
        SpikeMonitor spikes = net.spikes(p);
        net.run(200);
        java.util.List<?> ref = (java.util.List<?>) results("SynapsesSTDP");
        compare("S.w", matrix(ref.get(0)), transpose(w.values()));
        double[][] volts = Arrays.stream(transpose(v.values())).map(row -> Arrays.stream(row).map(x -> x / 1000).toArray())
                .toArray(double[][]::new);
        compare("P.v", matrix(ref.get(1)), volts);
        compare("spike count", new double[] {(Double) ref.get(2)}, new double[] {spikes.times().length});
        assertTrue(t.usesAlignPost(), "T's constant weights take the post-aligned event op");
        assertFalse(s.usesAlignPost(), "S's plastic weights need its programs");
    }
}
