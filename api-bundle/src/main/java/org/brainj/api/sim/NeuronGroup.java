package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.UnknownNameException;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.integrate.Exact;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.Propagator;
import org.brainj.api.program.StepProgram;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;

/**
 * A population of neurons of one model. Its whole step (integration, threshold, reset,
 * refractoriness, incoming delta inputs) is one kernel compiled when the network is built and
 * reused by every later run; parameters live in tensors, so changing one recompiles nothing.
 */
public final class NeuronGroup implements Population {
    private final String name;
    private final int[] geometry;
    private final int size;
    /** The time step of the run in progress, set when it is prepared. */
    private double dt;
    private final NeuronModel model;
    /** The Java step of a group defined by a {@link DynamicModel}; null for an equation model. */
    private final DynamicModel dynamic;
    private GroupState dynamicState;
    private final Map<String, Double> scalarParameters = new LinkedHashMap<>();
    private final Map<String, Initializer> neuronParameters = new LinkedHashMap<>();
    private final Map<String, Initializer> initial = new LinkedHashMap<>();
    private final List<Channel> channels = new ArrayList<>();
    private GroupIntegrator integrator = GroupIntegrator.EULER;
    private int maxDelaySteps;
    /** What one tensor object costs beside its data, about. */
    private static final int TENSOR_HEADER_BYTES = 64;

    // set by build()
    private Backend backend;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    /** The entries of the program's exact propagators (0-d, or per neuron), computed before each run ({@link #prepare}). */
    private final Map<String, Tensor> propagators = new LinkedHashMap<>();
    /** The parameters the propagators' coefficients read, in a fixed order (set when built). */
    private List<String> propagatorReads = List.of();
    /** dt and the values of {@link #propagatorReads} when the propagators were last computed; null before. */
    private double[][] preparedFrom;
    private Kernel kernel;
    private StepProgram program;
    /**
     * The spike lists of the last {@code maxDelaySteps + 1} steps, one int32 row of
     * {@code size + 1} per step (count, then the indices that spiked, ascending), as the
     * kernel writes them ({@link Bindings#events()}).
     */
    private Tensor[] listRows;
    private long seed;
    private int stream;

    /** A 1-d group of {@code size} neurons. */
    public NeuronGroup(String name, int size, NeuronModel model) {
        this(name, new int[] {size}, model);
    }

    /** A group with a 1-d or 2-d geometry (e.g. {@code (10, 10)}); neurons are numbered row-major. */
    public NeuronGroup(String name, int[] geometry, NeuronModel model) {
        this(name, geometry, model, null);
    }

    /** A 1-d group whose step is {@code model}'s Java update. */
    public NeuronGroup(String name, int size, DynamicModel model) {
        this(name, new int[] {size}, model);
    }

    /** A group with a 1-d or 2-d geometry whose step is {@code model}'s Java update. */
    public NeuronGroup(String name, int[] geometry, DynamicModel model) {
        this(name, geometry, model.declaration(), model);
    }

    private NeuronGroup(String name, int[] geometry, NeuronModel model, DynamicModel dynamic) {
        this.dynamic = dynamic;
        this.name = name;
        this.geometry = geometry.clone();
        this.size = Shapes.size(geometry);
        if (size <= 0 || geometry.length > 2) {
            throw new SimulationException("group " + name + ": geometry " + Shapes.format(geometry)
                    + " must be 1-d or 2-d with at least one neuron");
        }
        this.model = model;
        model.parameters().forEach(scalarParameters::put);
    }

    @Override
    public NeuronGroup group() {
        return this;
    }

    @Override
    public int offset() {
        return 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String name() {
        return name;
    }

    public int[] geometry() {
        return geometry.clone();
    }

    public NeuronModel model() {
        return model;
    }

    /** Sets a parameter for every neuron; after the build this writes its tensor (no recompiling). */
    public NeuronGroup set(String parameter, double value) {
        requireParameter(parameter);
        if (backend == null) {
            neuronParameters.remove(parameter);
            scalarParameters.put(parameter, value);
        } else {
            Tensor t = tensors.get(parameter);
            backend.copy(backend.full(t.dtype(), value, t.shape()), t);
        }
        return this;
    }

    /** Gives each neuron its own value of a parameter; set before the network is built. */
    public NeuronGroup set(String parameter, Initializer perNeuron) {
        requireParameter(parameter);
        requireUnbuilt("per-neuron parameter " + parameter);
        scalarParameters.remove(parameter);
        neuronParameters.put(parameter, perNeuron);
        return this;
    }

    /** The initial value of a state variable, applied at the build and at every reset. */
    public NeuronGroup init(String variable, Initializer init) {
        if (!model.derivatives().containsKey(variable)) {
            throw new UnknownNameException("state variable of " + name, variable, model.derivatives().keySet());
        }
        initial.put(variable, init);
        return this;
    }

    /** The integration method (the default is {@link GroupIntegrator#EULER}). */
    public NeuronGroup method(GroupIntegrator method) {
        requireUnbuilt("the integration method");
        this.integrator = method;
        return this;
    }

    /** The tensor of a variable or parameter (after the network is built). */
    public Tensor variable(String variable) {
        if (backend == null) {
            throw new SimulationException("group " + name + " is not built yet; add it to a network and call build() or run()");
        }
        Tensor t = tensors.get(variable);
        if (t == null) {
            throw new UnknownNameException("variable of group " + name, variable, tensors.keySet());
        }
        return t;
    }

    /** The names of everything a monitor can record: state, inputs, channels, spike, parameters. */
    public Set<String> variables() {
        return backend == null ? plannedVariables() : java.util.Collections.unmodifiableSet(tensors.keySet());
    }

    private Set<String> plannedVariables() {
        Set<String> names = new LinkedHashSet<>(model.derivatives().keySet());
        names.addAll(model.inputs());
        channels.forEach(ch -> names.addAll(ch.variables()));
        if (dynamic != null && model.current() != null) {
            names.add(model.current());
        }
        names.add(GroupStep.SPIKE);
        names.add(GroupStep.LAST_SPIKE);
        names.addAll(model.parameters().keySet());
        return names;
    }

    // ---- wiring by projections and networks -------------------------------------------------

    /** Whether the group's step is Java ({@link DynamicModel}) rather than a compiled program. */
    boolean isDynamic() {
        return dynamic != null;
    }

    /** The channel of this kind, created (named after {@code prefix}) if the group has none yet. */
    Channel channel(String prefix, Channel.Kind kind) {
        requireUnbuilt("a projection onto " + name);
        for (Channel ch : channels) {
            if (ch.kind().equals(kind)) {
                return ch;
            }
        }
        Channel ch = new Channel(prefix, kind);
        if (dynamic != null && ch.isDelta()) {
            throw new SimulationException("group " + name + " is defined in Java (" + model.name() + "), so a delta"
                    + " synapse has no step to add into; use onVariable(...) to add spikes to one of its variables");
        }
        if (!ch.isDelta() && model.current() == null) {
            throw new SimulationException("model " + model.name() + " of group " + name + " has no synaptic current"
                    + " symbol for a synapse with dynamics to drive; target one of its variables instead");
        }
        for (String x : ch.isDelta() ? java.util.Set.<String>of() : ch.currentReads()) {
            boolean known = dynamic != null ? model.stateVariables().contains(x) : model.derivatives().containsKey(x)
                    || model.parameters().containsKey(x);
            if (!known) {
                throw new SimulationException("group " + name + " (" + model.name() + ") has no variable '" + x
                        + "' for the synapse's output to read; declare it with state(...) or name another with"
                        + " membrane(...) in the model");
            }
        }
        channels.add(ch);
        return ch;
    }

    /**
     * The bytes {@link #build} will allocate, known before it does: a float per neuron for every
     * state variable, per-neuron parameter and the spike flags and last spike time, and the spike
     * lists of the longest delay (an int per neuron and step, plus a row's header).
     */
    double plannedBytes(DType dtype) {
        double perNeuron = (model.stateVariables().size() + neuronParameters.size() + 2.0) * dtype.bytes();
        return perNeuron * size + (maxDelaySteps + 1.0) * (4.0 * (size + 1) + TENSOR_HEADER_BYTES);
    }

    void needDelay(int steps) {
        requireUnbuilt("a delayed projection from " + name);
        maxDelaySteps = Math.max(maxDelaySteps, steps);
    }

    boolean isBuilt() {
        return backend != null;
    }

    /** Allocates state, compiles the step kernel, and sets the initial state. */
    Kernel build(Backend backend, DType dtype, long seed, int stream) {
        this.backend = backend;
        this.seed = seed;
        this.stream = stream;
        int firstStream = 1 + stream * GroupStep.STREAMS_PER_GROUP;
        program = dynamic == null ? GroupStep.assemble(model, channels, integrator, firstStream,
                scalarParameters.keySet())
                : GroupStep.channels(model, channels, firstStream);
        if (dynamic != null) {
            for (String x : dynamicVariables()) {
                tensors.put(x, backend.zeros(x.equals(GroupStep.SPIKE) ? DType.BOOL : dtype, size));
            }
            dynamicState = new GroupState(this, dtype);
        }
        for (String x : program.state()) {
            // spike times drawn ahead are compared with t to half a step: float64 whatever the network's dtype
            tensors.put(x, backend.zeros(GeometricGaps.owns(x) ? DType.FLOAT64 : dtype, size));
        }
        // a group that cannot spike still has (all-zero) flags and spike times to record
        tensors.putIfAbsent(GroupStep.SPIKE, backend.zeros(dtype, size));
        tensors.putIfAbsent(GroupStep.LAST_SPIKE, backend.zeros(dtype, size));
        scalarParameters.forEach((p, value) -> tensors.put(p, backend.full(dtype, value)));
        neuronParameters.forEach((p, init) -> {
            Tensor t = backend.zeros(dtype, size);
            init.fill(backend, t, key(p));
            tensors.put(p, t);
        });
        preparedFrom = null;
        Set<String> reads = new TreeSet<>();
        for (Propagator p : program.propagators()) {
            p.a().forEach(row -> row.forEach(aij -> reads.addAll(FreeVars.of(aij))));
        }
        reads.remove("dt");
        propagatorReads = List.copyOf(reads);
        for (Propagator p : program.propagators()) {
            // float64 whatever the network's dtype: the kernel reads every value as a double, so nothing rounds them
            int[] shape = perNeuron(p) ? new int[] {size} : new int[0];
            p.entries().forEach(e -> propagators.put(e.parameter(), backend.zeros(DType.FLOAT64, shape)));
        }
        listRows = new Tensor[maxDelaySteps + 1];
        for (int r = 0; r < listRows.length; r++) {
            listRows[r] = backend.zeros(DType.INT32, size + 1);
        }
        kernel = compileOn(backend);
        reset();
        return kernel;
    }

    /**
     * Moves every tensor (state, parameters, spike history) through the host to {@code target}
     * and compiles the step there; the state continues exactly where it was.
     */
    Kernel moveTo(Backend target) {
        tensors.replaceAll((name, t) -> target.transfer(t));
        propagators.replaceAll((name, t) -> target.transfer(t));
        for (int r = 0; r < listRows.length; r++) {
            listRows[r] = target.transfer(listRows[r]);
        }
        backend = target;
        if (dynamicState != null) {
            dynamicState.moved();
        }
        kernel = compileOn(target);
        return kernel;
    }

    /**
     * The tensors of this group's state, for a checkpoint: every variable and parameter, and the
     * rows of its spike lists ({@code spike_history.K}), which hold the spikes still in flight
     * in the delays.
     */
    Map<String, Tensor> stateTensors() {
        Map<String, Tensor> state = new LinkedHashMap<>(tensors);
        for (int k = 0; k < listRows.length; k++) {
            state.put("spike_history." + k, listRows[k]);
        }
        return state;
    }

    /**
     * Draws from {@code seed} from now on: initializers at the next {@link #reset()}, noise in the
     * step; returns whether the step kernel, because it draws noise, was bound to it anew.
     */
    boolean reseed(long seed) {
        this.seed = seed;
        if (kernel == null || program.noise().isEmpty()) {
            return false;
        }
        kernel = compileOn(backend);
        return true;
    }

    private Kernel compileOn(Backend target) {
        // a step that writes no state (no dynamics, no threshold), or gives it back unchanged, has nothing to run
        if (program.body().isEmpty() || program.state().isEmpty() || UnchangingStep.of(program, tensors.keySet())) {
            return null;
        }
        Map<String, Tensor> bound = new LinkedHashMap<>(tensors);
        bound.putAll(propagators);
        return target.compile(program, new Bindings(bound, seed, program.events() == null ? null : List.of(listRows)));
    }

    /**
     * Computes the exact propagators from the parameters' present values and {@code dt}, once
     * before a run: NEST's {@code pre_run_hook}. A parameter written between runs (by
     * {@link #set(String, double)} or through its tensor) is thus taken up without recompiling.
     * Where the coefficients read per-neuron parameters each neuron gets its own propagator, as in
     * NEST, computed once per distinct set of coefficient values. Computed again only when dt or
     * one of those values changed since: a run in chunks (the launcher's, about ten per second of
     * wall time) prepares before each, and a population with per-neuron time constants costs a
     * matrix exponential per distinct value.
     */
    void prepare(double dt) {
        this.dt = dt;
        double[][] from = propagatorInputs(dt);
        if (Arrays.deepEquals(from, preparedFrom)) {
            return;
        }
        preparedFrom = from;
        for (Propagator p : program.propagators()) {
            if (!perNeuron(p)) {
                Exact.values(p, name -> tensors.get(name).item(), dt).forEach((name, value) -> {
                    Tensor t = propagators.get(name);
                    backend.copy(backend.full(t.dtype(), value), t);
                });
                continue;
            }
            Map<String, double[]> read = new LinkedHashMap<>();
            p.a().forEach(row -> row.forEach(aij -> FreeVars.of(aij).stream().filter(neuronParameters::containsKey)
                    .forEach(v -> read.computeIfAbsent(v, x -> tensors.get(x).toDoubleArray()))));
            Map<String, double[]> entries = new LinkedHashMap<>();
            p.entries().forEach(e -> entries.put(e.parameter(), new double[size]));
            Map<List<Double>, Map<String, Double>> computed = new HashMap<>();
            for (int i = 0; i < size; i++) {
                int neuron = i;
                List<Double> key = read.values().stream().map(values -> values[neuron]).toList();
                Map<String, Double> values = computed.computeIfAbsent(key, k -> Exact.values(p, name -> {
                    double[] own = read.get(name);
                    return own != null ? own[neuron] : tensors.get(name).item();
                }, dt));
                values.forEach((name, value) -> entries.get(name)[neuron] = value);
            }
            entries.forEach((name, values) -> backend.copy(backend.asTensor(values, size), propagators.get(name)));
        }
    }

    /** {@code dt}, then the present values of {@link #propagatorReads}. */
    private double[][] propagatorInputs(double dt) {
        double[][] values = new double[propagatorReads.size() + 1][];
        values[0] = new double[] {dt};
        for (int i = 0; i < propagatorReads.size(); i++) {
            values[i + 1] = tensors.get(propagatorReads.get(i)).toDoubleArray();
        }
        return values;
    }

    /**
     * Whether {@code p}'s coefficients read a per-neuron parameter; refused when they read anything
     * else besides shared parameters and {@code dt} (an input, which may change every step).
     */
    private boolean perNeuron(Propagator p) {
        boolean perNeuron = false;
        for (int i = 0; i < p.variables().size(); i++) {
            for (int j = 0; j < p.variables().size(); j++) {
                for (String v : FreeVars.of(p.a().get(i).get(j))) {
                    perNeuron |= neuronParameters.containsKey(v);
                    if (!v.equals("dt") && !scalarParameters.containsKey(v) && !neuronParameters.containsKey(v)) {
                        throw new SimulationException("group " + name + ": exact integrates the coupled equations of "
                                + p.variables() + " with propagators computed once per run, but the coefficient of "
                                + p.variables().get(j) + " in d" + p.variables().get(i) + "/dt reads '" + v + "', which is"
                                + " not a parameter and may change from step to step; integrate with rk4 or"
                                + " exponential_euler");
                    }
                }
            }
        }
        return perNeuron;
    }

    /** Back to the initial state: initializers drawn again from the same seed, spikes cleared. */
    void reset() {
        for (String x : tensors.keySet()) {
            if (model.parameters().containsKey(x)) {
                continue;
            }
            Initializer init = initial.getOrDefault(x, model.initial().getOrDefault(x, Initializer.constant(0)));
            init.fill(backend, tensors.get(x), key(x));
        }
        // far in the past: no neuron starts refractory
        Tensor last = tensors.get(GroupStep.LAST_SPIKE);
        backend.copy(backend.full(last.dtype(), -1e300, size), last);
        // no next spike drawn yet: the first step draws it
        Tensor next = tensors.get(GeometricGaps.NEXT_SPIKE);
        if (next != null) {
            backend.copy(backend.full(next.dtype(), Double.NaN, size), next);
        }
        for (Tensor row : listRows) {
            backend.copy(backend.zeros(DType.INT32, size + 1), row);
        }
    }

    /**
     * Runs the step kernel at time {@code t} with the run's time step ({@link #prepare}), which
     * lists its spikes under the step's time index {@code step} (a Java-defined group's flags are
     * listed after its update). A schedule entry's signature, called through a method reference:
     * no lambda body between that the JIT would compile once more with the kernel inlined.
     */
    void update(long step, double t) {
        if (kernel != null) {
            kernel.run(t, dt, step);
        }
        if (dynamic != null) {
            dynamic.update(dynamicState, t, dt);
            for (String in : model.inputs()) {
                Tensor x = tensors.get(in);
                backend.copy(backend.zeros(x.dtype(), size), x);
            }
            backend.eventList(tensors.get(GroupStep.SPIKE), spikeList(step));
        }
    }

    /**
     * The neurons that spiked in the step of time index {@code timeIndex}: a 1-d int32 tensor of
     * {@code size + 1} whose element 0 is the count {@code n} and elements {@code 1..n} the
     * neurons' indices in ascending order (elements after {@code n} mean nothing). Valid for the
     * last {@code maxDelay + 1} time indices; the same tensor is rewritten when the ring comes
     * round, so read it in the step. This is what delivery and monitors read.
     */
    Tensor spikeList(long timeIndex) {
        return listRows[(int) Math.floorMod(timeIndex, (long) listRows.length)];
    }

    /** The tensors of the variables the step integrates (the model's and its channels'). */
    Map<String, Tensor> integratedTensors() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        if (dynamic != null) {
            for (String x : model.stateVariables()) {
                state.put(x, tensors.get(x));
            }
        }
        for (String x : program.state()) {
            if (!GroupStep.isBookkeeping(x, model, channels)) {
                state.put(x, tensors.get(x));
            }
        }
        return state;
    }

    /** A Java-defined group's own tensors: declared state, inputs, spike flags, last-spike times. */
    private List<String> dynamicVariables() {
        List<String> names = new ArrayList<>(model.stateVariables());
        names.addAll(model.inputs());
        if (model.current() != null) {
            names.add(model.current());
        }
        names.add(GroupStep.SPIKE);
        names.add(GroupStep.LAST_SPIKE);
        return names;
    }

    private RandomKey key(String variable) {
        // one stream per (group, variable), so adding a variable does not shift the others' draws
        return new RandomKey(seed, Math.floorMod(stream * 1_000_003 + variable.hashCode(), Integer.MAX_VALUE), 0);
    }

    private void requireParameter(String parameter) {
        if (!model.parameters().containsKey(parameter)) {
            throw new UnknownNameException("parameter of " + model.name(), parameter, model.parameters().keySet());
        }
    }

    private void requireUnbuilt(String what) {
        if (backend != null) {
            throw new SimulationException("group " + name + " is already built; " + what
                    + " must be set before the network's first build() or run()");
        }
    }

    @Override
    public String toString() {
        return model.name() + "(name=" + name + ", size=" + Shapes.format(geometry) + ")";
    }
}
