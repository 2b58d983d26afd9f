package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Csr;
import org.brainj.api.connect.Geometry;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * Spikes of a source population delivered, event-driven, into post-synaptic state of a target
 * population (the reference's AlignPost projection: {@code comm} is the CSR connectivity with
 * its weights, {@code syn} and {@code out} make a channel of the target group shared with other
 * projections of the same kind). A spike with time index {@code n} (the step it was emitted in)
 * and delay {@code D dt} is delivered after the update of step {@code n + D}, before that of step
 * {@code n + D + 1} (Brian2's synaptic delivery): per step the work is one {@code csrListAdd} over
 * the source group's spike list, in proportion to spikes times fan-out. With {@link STP} the
 * weights of each spiking row are scaled by its neuron's released fraction
 * ({@code csrEventAddScaled} over the list made flags), after one kernel over the pre-synaptic
 * population advances {@code u} and {@code x}.
 */
public final class Projection {
    private final String name;
    private final Population pre;
    private final Population post;
    private final int[] indptr;
    private final int[] indices;
    private final double[] weights;
    private final double scalarWeight;
    private final double delay;
    private final double[] delays;
    private final Channel channel;
    /** The post-synaptic variables spikes add to, with what they add per unit weight. */
    private final Map<String, Double> targets;
    /** Short-term plasticity of the synapses, or null. */
    private final StpState stp;
    private double dt;
    /** The longest delay in steps: the spike history is an array of one tensor per step. */
    private static final int MAX_DELAY_STEPS = Integer.MAX_VALUE - 8;

    /** Synapses of one delay, as their own CSR: per step one event op per bucket. */
    private record Bucket(int delaySteps, int[] indptr, int[] indices, double[] weights) {
    }

    /** A bucket on the backend: per target variable, the weights a spike adds to it. */
    private record Delivery(int delaySteps, Tensor indptr, Tensor indices, List<Tensor> weights) {
    }

    // set by plan() and build()
    private List<Bucket> buckets;
    private Backend backend;
    private Tensor scalarWeightT;
    // arrays, not lists: delivery walks them at every step, and an iterator there is an object a
    // step until the JIT has compiled the walk
    private Delivery[] deliveries;
    private Tensor[] targetTensors;
    /** STP's arriving spikes as one flag per pre-synaptic neuron; null without STP. */
    private Tensor arrivingFlags;

    private Projection(Builder b) {
        this.name = b.name;
        this.pre = b.pre;
        this.post = b.post;
        if (b.indptr == null) {
            throw new SimulationException("projection " + name + " has no connectivity; give csr(indptr, indices)");
        }
        this.indptr = b.indptr;
        this.indices = b.indices;
        this.weights = b.weights;
        this.scalarWeight = b.weight;
        this.delay = b.delay;
        this.delays = b.delays;
        checkConnectivity();
        if (b.stp != null && b.delays != null) {
            throw new SimulationException("projection " + name + ": STP is held per pre-synaptic neuron, which needs"
                    + " one delay for all its synapses; give a single delay or split the projection by delay");
        }
        this.stp = b.stp == null ? null : new StpState(b.stp, pre.size());
        if (delays != null && delays.length != indices.length) {
            throw new SimulationException("projection " + name + ": " + delays.length + " delays for " + indices.length
                    + " synapses; give one delay per synapse (in CSR order) or a single delay");
        }
        if (b.targetVariable != null) {
            if (b.synapse != null) {
                throw new SimulationException("projection " + name + ": give either a target variable ('"
                        + b.targetVariable + "') or a synapse model (" + b.synapse.name() + "), not both");
            }
            Set<String> known = post.group().model().derivatives().keySet();
            if (!known.contains(b.targetVariable)) {
                throw new UnknownNameException("state variable of " + post.group().name(), b.targetVariable, known);
            }
            this.channel = null;
            this.targets = Map.of(b.targetVariable, 1.0);
        } else {
            Channel.Kind kind;
            if (b.synapse != null) {
                kind = kinetic(b.synapse);
            } else {
                String deltaTarget = b.deltaTarget == null ? post.group().model().membrane() : b.deltaTarget;
                if (!post.group().model().derivatives().containsKey(deltaTarget)) {
                    throw new UnknownNameException("state variable of " + post.group().name(), deltaTarget,
                            post.group().model().derivatives().keySet());
                }
                kind = Channel.delta(deltaTarget);
            }
            this.channel = post.group().channel(name, kind);
            this.targets = channel.isDelta() ? Map.of(channel.deltaEvents(), 1.0) : channel.eventVariables();
        }
    }

    /** The channel of a synapse model proven post-aligned, driving the post-synaptic group's synaptic current symbol. */
    private Channel.Kind kinetic(SynapseModel model) {
        // the refusal's reason is worked out only for the message
        PostAligned proof = PostAligned.of(model).orElseThrow(() -> new SimulationException("projection " + name
                + ": synapse model " + model.name() + " keeps per-synapse state (" + PostAligned.refusal(model)
                + "); run it as Synapses instead"));
        String current = post.group().model().current();
        if (!proof.summed().containsKey(current)) {
            throw new SimulationException("projection " + name + ": synapse model " + model.name() + " sets "
                    + proof.summed().keySet() + ", not the synaptic current symbol of " + post.group().name() + " ('"
                    + current + "'); compile it for that target, or run it as Synapses");
        }
        if (proof.summed().size() > 1) {
            throw new SimulationException("projection " + name + ": synapse model " + model.name() + " sets several"
                    + " summed values " + proof.summed().keySet() + "; a projection drives only the synaptic current");
        }
        if (model.delay() != null && model.delay() != delay) {
            throw new SimulationException("projection " + name + ": synapse model " + model.name() + " has its own delay"
                    + " (" + Times.format(model.delay()) + "); give it to the projection's delay(...) instead");
        }
        return Channel.kinetic(proof, model, current);
    }

    private void checkConnectivity() {
        if (indptr.length != pre.size() + 1) {
            throw new SimulationException("projection " + name + ": indptr has " + indptr.length + " entries but the source "
                    + pre.name() + " has " + pre.size() + " neurons; CSR needs one row per source neuron (size + 1 entries)");
        }
        int nnz = indptr[pre.size()];
        if (indices.length != nnz) {
            throw new SimulationException("projection " + name + ": indptr ends at " + nnz + " but there are "
                    + indices.length + " indices");
        }
        for (int j : indices) {
            if (j < 0 || j >= post.size()) {
                throw new SimulationException("projection " + name + ": target index " + j + " is outside "
                        + post.name() + " (0.." + (post.size() - 1) + ")");
            }
        }
        if (weights != null && weights.length != nnz) {
            throw new SimulationException("projection " + name + ": " + weights.length + " weights for " + nnz
                    + " synapses; give one weight per synapse or a single weight");
        }
    }

    /** The most synapses one projection holds: int32 ids, less the JVM's array header reserve. */
    private static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    /**
     * The synapses {@code connector} draws between {@code pre} and {@code post} for projection
     * (or synapses) {@code name}, refused before any is drawn when the expected count would not
     * fit the heap or int32 synapse ids.
     */
    public static Connectivity connect(String name, Connector connector, Population pre, Population post) {
        Geometry from = geometry(pre);
        Geometry to = geometry(post);
        double expected = connector.expectedSynapses(from, to);
        String count = String.format(Locale.ROOT, "%.3g", expected);
        new MemoryPlan().add("projection " + name + " (about " + count + " synapses)", expected * MemoryPlan.BYTES_PER_SYNAPSE)
                .check(MemoryPlan.availableHeap(), "use fewer neurons or a sparser connector, or give Java more heap (-Xmx)");
        if (expected > MAX_SYNAPSES) {
            throw new RunTooLargeException("projection " + name + ": about " + count + " synapses expected, more than the "
                    + MAX_SYNAPSES + " one projection holds (int32 synapse ids); split it into several projections or"
                    + " use a sparser connector");
        }
        return connector.connect(from, to);
    }

    private static Geometry geometry(Population p) {
        return p instanceof NeuronGroup g ? Geometry.of(g.geometry()) : Geometry.of(p.size());
    }

    public static Builder builder(String name, Population pre, Population post) {
        return new Builder(name, pre, post);
    }

    /**
     * Projections from every part of {@code pre} to every part of {@code post}: the rule draws
     * one connectivity between the unions (so any rule keeps its meaning, e.g. a fixed in-degree
     * over all of {@code pre}), which is split into one projection per pair of parts, named
     * {@code name[i->j]}. {@code settings} gives each builder its weight, delay, synapse...
     */
    public static List<Projection> between(String name, Union pre, Union post, Connector rule,
                                           java.util.function.UnaryOperator<Builder> settings) {
        Connectivity all = rule.connect(pre.size(), post.size());
        Csr csr = all.csr();
        List<Projection> out = new ArrayList<>();
        for (int a = 0; a < pre.parts().size(); a++) {
            for (int b = 0; b < post.parts().size(); b++) {
                Population from = pre.parts().get(a);
                Population to = post.parts().get(b);
                int preOffset = pre.offsetOf(a);
                int postOffset = post.offsetOf(b);
                int[] ptr = new int[from.size() + 1];
                List<Integer> idx = new ArrayList<>();
                List<Double> w = new ArrayList<>();
                for (int i = 0; i < from.size(); i++) {
                    for (int k = csr.indptr()[preOffset + i]; k < csr.indptr()[preOffset + i + 1]; k++) {
                        int j = csr.indices()[k] - postOffset;
                        if (j >= 0 && j < to.size()) {
                            idx.add(j);
                            if (csr.weights() != null) {
                                w.add(csr.weights()[k]);
                            }
                        }
                    }
                    ptr[i + 1] = idx.size();
                }
                Builder builder = settings.apply(new Builder(name + "[" + a + "->" + b + "]", from, to)
                        .csr(ptr, idx.stream().mapToInt(Integer::intValue).toArray()));
                if (csr.weights() != null) {
                    builder.weights(w.stream().mapToDouble(Double::doubleValue).toArray());
                }
                out.add(builder.build());
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    public Population pre() {
        return pre;
    }

    public Population post() {
        return post;
    }

    public int synapseCount() {
        return indices.length;
    }

    /** The target of each synapse within the post population, in CSR order. */
    public int[] targetIndices() {
        return indices.clone();
    }

    /**
     * The post-synaptic variable spikes add to ({@code E2E_g}, the state a kinetic channel's spikes
     * jump, or the target variable); the first when spikes change several.
     */
    public String targetVariable() {
        return targets.keySet().iterator().next();
    }

    /** Whether its spikes go into a kinetic channel of the post-synaptic group (a synapse model with dynamics). */
    boolean hasChannel() {
        return channel != null && !channel.isDelta();
    }

    /** The synapses this projection holds. */
    public int synapses() {
        return indices.length;
    }

    /** The (longest) delay in steps, fixed when the network is built. */
    public int delaySteps() {
        return buckets.stream().mapToInt(Bucket::delaySteps).max().orElse(0);
    }

    /**
     * Converts delays to steps (refusing any that is not a multiple of dt), splits the synapses
     * by delay, and reserves spike history for the longest.
     */
    void plan(double dt) {
        this.dt = dt;
        if (delays == null) {
            buckets = List.of(new Bucket(steps(delay, dt, ""), indptr, indices, weights));
        } else {
            int[] steps = new int[delays.length];
            java.util.TreeSet<Integer> distinct = new java.util.TreeSet<>();
            for (int k = 0; k < delays.length; k++) {
                steps[k] = steps(delays[k], dt, " of synapse " + k);
                distinct.add(steps[k]);
            }
            buckets = distinct.stream().map(d -> bucket(d, steps)).toList();
        }
        pre.group().needDelay(delaySteps());
    }

    private int steps(double d, double dt, String which) {
        double steps = d / dt;
        if (!(steps < MAX_DELAY_STEPS)) {
            throw new RunTooLargeException("projection " + name + ": delay " + Times.format(d) + which + " is "
                    + String.format(Locale.ROOT, "%.3g", steps) + " steps of dt = " + Times.format(dt)
                    + ", more than the " + MAX_DELAY_STEPS + " spike history can hold; check its unit");
        }
        long rounded = Math.round(steps);
        if (Math.abs(steps - rounded) > 1e-9 * Math.max(1, steps)) {
            throw new SimulationException("projection " + name + ": delay " + Times.format(d) + which
                    + " is not a multiple of dt = " + Times.format(dt) + " (" + steps + " steps); use "
                    + Times.format(Math.floor(steps) * dt) + " or " + Times.format(Math.ceil(steps) * dt));
        }
        return (int) rounded;
    }

    /** The synapses whose delay is {@code d} steps, as CSR in the original order. */
    private Bucket bucket(int d, int[] steps) {
        int[] ptr = new int[indptr.length];
        int count = 0;
        for (int k = 0; k < steps.length; k++) {
            count += steps[k] == d ? 1 : 0;
        }
        int[] idx = new int[count];
        double[] w = weights == null ? null : new double[count];
        int at = 0;
        for (int i = 0; i + 1 < indptr.length; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                if (steps[k] == d) {
                    idx[at] = indices[k];
                    if (w != null) {
                        w[at] = weights[k];
                    }
                    at++;
                }
            }
            ptr[i + 1] = at;
        }
        return new Bucket(d, ptr, idx, w);
    }

    /** Moves connectivity and weights to the backend; the groups are built already. */
    void build(Backend backend, DType dtype) {
        upload(backend, dtype, scalarWeight);
        if (stp != null) {
            stp.build(backend, dtype);
        }
    }

    /** Uploads to {@code target} what {@link #build} put on the current backend, the weight as it is now. */
    void moveTo(Backend target) {
        upload(target, scalarWeightT.dtype(), scalarWeightT.item());
        if (stp != null) {
            stp.moveTo(target);
        }
    }

    /** The kernels this projection compiles on a backend: its STP step, if it has one. */
    int kernels() {
        return stp == null ? 0 : 1;
    }

    /** The tensors of this projection's own state, for a checkpoint: STP's, if it has STP. */
    Map<String, Tensor> stateTensors() {
        return stp == null ? Map.of() : stp.tensors();
    }

    /** Back to the initial state of the synapses' own dynamics (STP's u = 0, x = 1). */
    void reset() {
        if (stp != null) {
            stp.reset();
        }
    }

    /**
     * The tensor of STP variable {@code u} or {@code x}, one element per pre-synaptic neuron
     * (after the network is built).
     */
    public Tensor stp(String variable) {
        if (stp == null) {
            throw new SimulationException("projection " + name + " has no STP; give the builder stp(...)");
        }
        if (backend == null) {
            throw new SimulationException("projection " + name + " is not built yet; add it to a network and call build() or run()");
        }
        if (!variable.equals(StpState.U) && !variable.equals(StpState.X)) {
            throw new UnknownNameException("STP variable of projection " + name, variable, List.of(StpState.U, StpState.X));
        }
        return stp.variable(variable);
    }

    private void upload(Backend backend, DType dtype, double weight) {
        this.backend = backend;
        scalarWeightT = backend.full(dtype, weight);
        deliveries = buckets.stream().map(b -> new Delivery(b.delaySteps(), backend.asReadOnlyTensor(b.indptr()),
                backend.asReadOnlyTensor(b.indices()), targets.values().stream().map(scale -> weights(backend, dtype, b, scale))
                .toList())).toArray(Delivery[]::new);
        targetTensors = targets.keySet().stream().map(x -> {
            Tensor whole = post.group().variable(x);
            return post.offset() == 0 && post.size() == whole.size() ? whole
                    : whole.slice(post.offset(), post.offset() + post.size());
        }).toArray(Tensor[]::new);
        arrivingFlags = stp == null ? null : backend.zeros(DType.BOOL, pre.size());
    }

    /** A bucket's weights times {@code scale}: the scalar weight's tensor itself where it needs no scaling. */
    private Tensor weights(Backend backend, DType dtype, Bucket b, double scale) {
        if (b.weights() == null && scale == 1) {
            return scalarWeightT;
        }
        if (b.weights() == null) {
            throw new SimulationException("projection " + name + ": its synapse model adds " + scale + " times the weight"
                    + " at a spike; give the weight per synapse (weights(...)) so it can be scaled");
        }
        double[] w = b.weights().clone();
        for (int k = 0; k < w.length; k++) {
            w[k] *= scale;
        }
        return backend.astype(backend.asTensor(w), dtype, null);
    }

    /**
     * Delivers, after the update of step {@code step}, the spikes of step {@code step - delay}.
     * {@code t}, the step's time, is not read: the signature is a schedule entry's, so the schedule
     * calls this method through a method reference, with no lambda body between that the JIT
     * would compile once more with the delivery loop inlined.
     */
    void deliver(long step, double t) {
        for (Delivery d : deliveries) {
            Tensor arriving = pre.group().spikeList(step - d.delaySteps());
            Tensor released = null;
            if (stp != null) {
                backend.eventFlags(arriving, pre.offset(), arrivingFlags);
                released = stp.step(arrivingFlags, step * dt, dt, step);
            }
            for (int v = 0; v < targetTensors.length; v++) {
                if (stp == null) {
                    backend.csrListAdd(arriving, pre.offset(), d.indptr(), d.indices(), d.weights().get(v),
                            targetTensors[v]);
                } else {
                    backend.csrEventAddScaled(arrivingFlags, released, d.indptr(), d.indices(), d.weights().get(v),
                            targetTensors[v]);
                }
            }
        }
    }

    /** Sets the scalar weight of every synapse (repeat runs); per-synapse weights are set when built. */
    public void setWeight(double weight) {
        if (backend == null) {
            throw new SimulationException("projection " + name + " is not built yet; give the weight to its builder");
        }
        if (weights != null) {
            throw new SimulationException("projection " + name + " has per-synapse weights; a single weight cannot replace them");
        }
        backend.copy(backend.full(scalarWeightT.dtype(), weight), scalarWeightT);
    }

    /** Assembles a projection. */
    public static final class Builder {
        private final String name;
        private final Population pre;
        private final Population post;
        private int[] indptr;
        private int[] indices;
        private double[] weights;
        private double weight = 1;
        private double delay;
        private double[] delays;
        private SynapseModel synapse;
        private String targetVariable;
        private String deltaTarget;
        private STP stp;


        private Builder(String name, Population pre, Population post) {
            this.name = name;
            this.pre = pre;
            this.post = post;
        }

        /** The synapses a connector draws between the two populations (with its weights, if it makes any). */
        public Builder connect(Connector connector) {
            return connectivity(Projection.connect(name, connector, pre, post));
        }

        /** Whether the connectivity given so far brought each synapse its own weight. */
        public boolean hasWeights() {
            return weights != null;
        }

        /** Given connectivity (with its weights, if it has any). */
        public Builder connectivity(Connectivity c) {
            if (c.numPre() != pre.size() || c.numPost() != post.size()) {
                throw new SimulationException("projection " + name + ": connectivity is " + c.numPre() + " x " + c.numPost()
                        + " but " + pre.name() + " x " + post.name() + " is " + pre.size() + " x " + post.size());
            }
            Csr csr = c.csr();
            csr(csr.indptr(), csr.indices());
            if (csr.weights() != null) {
                weights(csr.weights());
            }
            return this;
        }


        /** Connectivity as CSR: the targets of source {@code i} are {@code indices[indptr[i] .. indptr[i+1])}. */
        public Builder csr(int[] indptr, int[] indices) {
            this.indptr = indptr.clone();
            this.indices = indices.clone();
            return this;
        }

        public Builder weight(double weight) {
            this.weight = weight;
            this.weights = null;
            return this;
        }

        /** One weight per synapse, in CSR order. */
        public Builder weights(double[] weights) {
            this.weights = weights.clone();
            return this;
        }

        /** The transmission delay, in the models' time unit; a multiple of the network's dt. */
        public Builder delay(double delay) {
            if (!(delay >= 0)) {
                throw new SimulationException("projection " + name + ": delay " + delay + " must be >= 0; give 0 or a positive delay");
            }
            this.delay = delay;
            return this;
        }

        /** One delay per synapse, in CSR order; each a multiple of the network's dt. */
        public Builder delays(double[] perSynapse) {
            for (double d : perSynapse) {
                if (!(d >= 0)) {
                    throw new SimulationException("projection " + name + ": delay " + d + " must be >= 0; give 0 or a positive delay");
                }
            }
            this.delays = perSynapse.clone();
            return this;
        }

        /**
         * A synapse model with its output, compiled for the post-synaptic group's synaptic current
         * symbol (a library model's {@code SynapseModelFactory.compile}, or {@code SynapseText}),
         * which {@link PostAligned} proves linear: its state is held per post-synaptic neuron in the
         * group's step, shared with every projection of the same model, and the projection's
         * weights are the model's per-synapse weight. Without one, spikes add their weight to the
         * membrane (or {@link #deltaTarget}) once.
         */
        public Builder synapse(SynapseModel synapse) {
            this.synapse = synapse;
            return this;
        }

        /** Brian2's {@code on_pre='x += w'}: spikes add their weight to the target's state variable {@code x}. */
        public Builder onVariable(String variable) {
            this.targetVariable = variable;
            return this;
        }

        /** For a delta synapse: the variable that jumps (the membrane potential by default). */
        public Builder deltaTarget(String variable) {
            this.deltaTarget = variable;
            return this;
        }

        /** Tsodyks-Markram short-term plasticity: each spike's weight is scaled by the released fraction {@code u x}. */
        public Builder stp(STP stp) {
            this.stp = stp;
            return this;
        }

        public Projection build() {
            return new Projection(this);
        }
    }
}
