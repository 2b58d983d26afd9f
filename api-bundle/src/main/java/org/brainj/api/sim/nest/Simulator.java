package org.brainj.api.sim.nest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.Connector;
import org.brainj.api.expr.Exprs;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.PoissonCount;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SimulationException;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.Union;
import org.brainj.api.tensor.Backend;

/**
 * NEST's way of building a network, over the runtime: {@link #create} populations of a model
 * by name, {@link #poissonGenerator} and {@link #spikeRecorder} devices, {@link #connect} with
 * a weight, a delay and a rule (a {@link Connector}, e.g. NEST's {@code fixed_indegree}), then
 * {@link #simulate}. Connections are delta synapses: the weight jumps the target's membrane
 * potential, and input arriving while the target is refractory is dropped (NEST's
 * {@code iaf_psc_delta}). Units: ms, mV, Hz.
 *
 * <p>A Poisson generator sends each target neuron its own Poisson train (as NEST's does); it is
 * drawn inside the target group's kernel as a Poisson count per step. For a stationary
 * generator the delay changes nothing statistically, so it is not applied to this input.
 */
public final class Simulator {
    /** A created population: built into one neuron group at the first {@link #simulate}. */
    static final class Population {
        final String name;
        final NeuronModel model;
        final int size;
        final List<double[]> poissonInputs = new ArrayList<>();
        NeuronGroup group;

        Population(String name, NeuronModel model, int size) {
            this.name = name;
            this.model = model;
            this.size = size;
        }
    }

    /** A spike recorder: records the nodes connected to it. */
    public static final class Recorder {
        private final List<Nodes> sources = new ArrayList<>();
        private final List<SpikeMonitor> monitors = new ArrayList<>();

        /** The number of recorded neurons. */
        public int size() {
            return sources.stream().mapToInt(Nodes::size).sum();
        }

        /** Spikes recorded, in all runs so far. */
        public int events() {
            return monitors.stream().mapToInt(SpikeMonitor::count).sum();
        }
    }

    /** A generator of independent Poisson trains. */
    public record PoissonGenerator(double rate) {
    }

    private record Connection(Nodes pre, Nodes post, double weight, double delay, Connector rule) {
    }

    private final Backend backend;
    private final double dt;
    private final long seed;
    private final Map<String, NeuronModelFactory> models = new HashMap<>();
    private final List<Population> populations = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Recorder> recorders = new ArrayList<>();
    private Network network;
    private double simulated;

    /** A simulator with the models found as services on the classpath. */
    public Simulator(Backend backend, double dt, long seed) {
        this.backend = backend;
        this.dt = dt;
        this.seed = seed;
        NeuronModelFactory.onClasspath(Simulator.class.getClassLoader()).forEach(f -> models.put(f.name(), f));
    }

    /** Makes {@code factory}'s model available to {@link #create} (e.g. one found in an OSGi registry). */
    public Simulator register(NeuronModelFactory factory) {
        models.put(factory.name(), factory);
        return this;
    }

    /** {@code n} neurons of the model named {@code model} with {@code params} over its defaults. */
    public Nodes create(String model, int n, Map<String, ?> params) {
        NeuronModelFactory f = models.get(model);
        if (f == null) {
            throw new UnknownNameException("model", model, models.keySet());
        }
        return create(f.create(params), n);
    }

    /** {@code n} neurons of {@code model}. */
    public Nodes create(NeuronModel model, int n) {
        requireUnbuilt("create");
        if (n <= 0) {
            throw new SimulationException("create: " + n + " neurons; give at least one");
        }
        Population p = new Population(model.name() + populations.size(), model, n);
        populations.add(p);
        return new Nodes(List.of(new Nodes.Part(p, 0, n)));
    }

    public PoissonGenerator poissonGenerator(double rate) {
        if (!(rate >= 0)) {
            throw new SimulationException("poisson_generator: rate " + rate + " Hz must be >= 0");
        }
        return new PoissonGenerator(rate);
    }

    public Recorder spikeRecorder() {
        Recorder r = new Recorder();
        recorders.add(r);
        return r;
    }

    /** Connects {@code pre} to {@code post} by {@code rule} with delta synapses of {@code weight} (mV) and {@code delay} (ms). */
    public void connect(Nodes pre, Nodes post, double weight, double delay, Connector rule) {
        requireUnbuilt("connect");
        connections.add(new Connection(pre, post, weight, delay, rule));
    }

    /** Every neuron of {@code post} gets its own Poisson train from {@code generator}, each spike adding {@code weight}. */
    public void connect(PoissonGenerator generator, Nodes post, double weight) {
        requireUnbuilt("connect");
        for (Nodes.Part part : post.parts()) {
            if (part.from() != 0 || part.to() != part.population().size) {
                throw new SimulationException("a poisson_generator drives whole created populations; connect it to "
                        + part.population().name + " (not a slice of it)");
            }
            part.population().poissonInputs.add(new double[] {generator.rate(), weight});
        }
    }

    /** Records the spikes of {@code nodes}. */
    public void connect(Nodes nodes, Recorder recorder) {
        requireUnbuilt("connect");
        recorder.sources.add(nodes);
    }

    /** Simulates {@code duration} ms more (the first call builds the network). */
    public Result simulate(double duration) {
        if (network == null) {
            build();
        }
        network.run(duration);
        simulated += duration;
        return new Result(simulated);
    }

    /** What a simulation recorded. */
    public final class Result {
        private final double duration;

        private Result(double duration) {
            this.duration = duration;
        }

        /** The mean rate (Hz) of the neurons recorded by {@code recorder} over the time simulated. */
        public double rate(Recorder recorder) {
            return recorder.events() / (recorder.size() * duration / 1000);
        }

        /** The recorder's spikes as (time in ms, node index within the recorded nodes), in order of time. */
        public double[][] spikes(Recorder recorder) {
            List<double[]> out = new ArrayList<>();
            int offset = 0;
            for (int k = 0; k < recorder.monitors.size(); k++) {
                SpikeMonitor m = recorder.monitors.get(k);
                double[] t = m.times();
                int[] i = m.indices();
                for (int e = 0; e < t.length; e++) {
                    out.add(new double[] {t[e], offset + i[e]});
                }
                offset += m.size();
            }
            out.sort(java.util.Comparator.comparingDouble(a -> a[0]));
            return out.toArray(new double[0][]);
        }
    }

    private void build() {
        network = new Network(backend).dt(dt).seed(seed);
        for (Population p : populations) {
            NeuronModel model = p.model;
            if (!p.poissonInputs.isEmpty()) {
                NeuronModel.Builder b = model.toBuilder();
                for (int k = 0; k < p.poissonInputs.size(); k++) {
                    double[] rw = p.poissonInputs.get(k);
                    String u = "poisson_u" + k;
                    b.uniform(u).jump(model.membrane(),
                            Exprs.mul(Exprs.num(rw[1]), PoissonCount.of(rw[0] * dt / 1000, u)));
                }
                model = b.build();
            }
            // linear membranes with constant coefficients: exponential Euler is their exact update
            p.group = new NeuronGroup(p.name, p.size, model).method(GroupIntegrator.method("exponential_euler"));
            network.add(p.group);
        }
        int n = 0;
        for (Connection c : connections) {
            // one connectivity between the whole collections, split per pair of populations
            Projection.between("conn" + (n++), union(c.pre()), union(c.post()), c.rule(),
                    b -> b.weight(c.weight()).delay(c.delay())).forEach(network::add);
        }
        for (Recorder r : recorders) {
            for (Nodes nodes : r.sources) {
                r.monitors.add(network.spikes(union(nodes)));
            }
        }
        network.build();
    }

    private static Union union(Nodes nodes) {
        return new Union(nodes.parts().stream().map(Simulator::view).toList());
    }

    private static org.brainj.api.sim.Population view(Nodes.Part part) {
        NeuronGroup g = part.population().group;
        return part.from() == 0 && part.to() == g.size() ? g : g.view(part.from(), part.to());
    }

    private void requireUnbuilt(String what) {
        if (network != null) {
            throw new SimulationException(what + ": the network was built by the first simulate(); create and connect before it");
        }
    }
}
