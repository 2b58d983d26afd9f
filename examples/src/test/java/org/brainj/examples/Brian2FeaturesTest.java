package org.brainj.examples;

import static org.brainj.examples.Brian2Reference.compare;
import static org.brainj.examples.Brian2Reference.matrix;
import static org.brainj.examples.Brian2Reference.results;
import static org.brainj.examples.Brian2Reference.vector;

import java.util.Arrays;
import java.util.Map;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
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

    /**
     * Brian2's SynapsesPre and SynapsesPost: G, 10 neurons {@code dV/dt = k/tau} (tau = 5 ms,
     * k = linspace(1, 5, 10)) with threshold {@code V>1} and reset {@code V=0}; H, 10 neurons
     * holding {@code V}; one-to-one synapses, 101 ms. Both give H's V: the count of G's spikes.
     */
    private static double[] countsOfOneToOneSpikes() {
        NeuronGroup g = new NeuronGroup("G", 10, model("G", "dV/dt = k/tau : 1\nk : 1", Map.of("tau", 5.0))
                .threshold(ExpressionParser.parse("V > 1")).reset("V", ExpressionParser.parse("0")).build())
                .method(GroupIntegrator.method("exact")).set("k", Initializer.values(linspace(1, 5, 10)));
        // Brian2's 'V : 1' is a variable nothing integrates
        NeuronGroup h = new NeuronGroup("H", 10, model("H", "dV/dt = 0 : 1", Map.of()).build());
        int[] indptr = new int[11];
        int[] indices = new int[10];
        for (int i = 0; i < 10; i++) {
            indptr[i + 1] = i + 1;
            indices[i] = i;
        }
        // on_pre='V += 1' with j='i'; and on_post='V_pre += 1' of S = Synapses(H, G) is the same
        // event (a spike of G[i] adds 1 to H[i].V), written here as a projection from G onto H
        Projection s = Projection.builder("S", g, h).csr(indptr, indices).weight(1).onVariable("V").build();
        network().add(g, h, s).run(101);
        return h.variable("V").toDoubleArray();
    }

    @Test
    void synapsesPre() {
        compare("H.V", vector(results("SynapsesPre")), countsOfOneToOneSpikes());
    }

    @Test
    void synapsesPost() {
        compare("H.V", vector(results("SynapsesPost")), countsOfOneToOneSpikes());
    }
}
