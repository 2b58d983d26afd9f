package org.brainj.api.sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.Tensor;

/**
 * A container of groups, projections, inputs, monitors and step functions, run step by step on
 * one backend. Build it directly from parts ({@code new Network(backend).add(E, I, E2E)}) or as
 * a subclass that adds its parts in its constructor (the reference's two ways).
 *
 * <p>The default schedule of one step: inputs, state monitors (sampling the state the update
 * starts from, as Brian2's), {@link Synapses}' {@code (summed)} variables, neuron updates (one
 * kernel per group, with the synaptic outputs fused into it), synapses' clock-driven equations,
 * spike delivery (of this step's spikes with delay 0, as Brian2's), every {@code on_pre}, every
 * {@code on_post}, user step functions, spike monitors.
 * {@link #order} replaces it with a network-defined order. The network is built (tensors
 * allocated, kernels compiled) once, at the first run; later runs continue from where the last
 * stopped, and {@link #reset()} returns to the initial state, both without recompiling.
 */
public class Network {
    private Backend backend;
    private double dt = 0.1;
    private DType dtype = DType.FLOAT64;
    private long seed;
    private int checkEvery = 50;
    private final List<NeuronGroup> groups = new ArrayList<>();
    private final List<Projection> projections = new ArrayList<>();
    private final List<Synapses> synapses = new ArrayList<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Monitor> monitors = new ArrayList<>();
    private final Map<String, StepAction> userSteps = new LinkedHashMap<>();
    private final List<StepFunction> stepFunctions = new ArrayList<>();
    private final List<ProgressListener> listeners = new ArrayList<>();
    private List<String> order;

    private boolean built;
    private int compilations;
    private long step;
    private StepAction[] plan;
    private Tensor finiteProbe;

    /** What one entry of the schedule does at a step. */
    @FunctionalInterface
    private interface StepAction {
        void run(long step, double t);
    }

    public Network(Backend backend) {
        this.backend = backend;
    }

    // ---- settings -----------------------------------------------------------------------------

    /** The time step (default 0.1, in the models' time unit). */
    public Network dt(double dt) {
        requireUnbuilt("dt");
        if (!(dt > 0)) {
            throw new SimulationException("dt " + dt + " must be > 0");
        }
        this.dt = dt;
        return this;
    }

    /** The float type of every state tensor (default float64). */
    public Network dtype(DType dtype) {
        requireUnbuilt("dtype");
        if (dtype != DType.FLOAT64 && dtype != DType.FLOAT32) {
            throw new SimulationException("network dtype " + dtype + " is not a float type; use FLOAT64 or FLOAT32");
        }
        this.dtype = dtype;
        return this;
    }

    /** The seed of initializers and noise. */
    public Network seed(long seed) {
        requireUnbuilt("seed");
        this.seed = seed;
        return this;
    }

    /**
     * How often (in steps) the integrated state is checked for NaN and infinity (default 50):
     * a check is one sum per variable on the backend and one number to the host.
     */
    public Network checkFiniteEvery(int steps) {
        if (steps < 1) {
            throw new SimulationException("finite check period " + steps + " must be >= 1 step");
        }
        this.checkEvery = steps;
        return this;
    }

    public double dt() {
        return dt;
    }

    public Backend backend() {
        return backend;
    }

    // ---- parts ----------------------------------------------------------------------------------

    /** Adds groups, projections, synapses, inputs and monitors, in schedule order. */
    public Network add(Object... parts) {
        requireUnbuilt("new parts");
        for (Object part : parts) {
            if (part instanceof NeuronGroup g) {
                groups.add(g);
            } else if (part instanceof Projection p) {
                projections.add(p);
            } else if (part instanceof Synapses syn) {
                synapses.add(syn);
            } else if (part instanceof Input in) {
                inputs.add(in);
            } else if (part instanceof Monitor m) {
                monitors.add(m);
            } else {
                throw new SimulationException("a network holds neuron groups, projections, inputs and monitors, not "
                        + (part == null ? "null" : part.getClass().getSimpleName()));
            }
        }
        return this;
    }

    /** Records {@code variable} of every neuron of {@code population} at every step. */
    public StateMonitor monitor(Population population, String variable) {
        return monitor(population, variable, null, 1);
    }

    /** Records {@code variable} of the neurons {@code indices} (null: all) every {@code period} steps. */
    public StateMonitor monitor(Population population, String variable, int[] indices, int period) {
        StateMonitor m = new StateMonitor(population, variable, indices, period);
        add(m);
        return m;
    }

    /** Records the spikes of {@code population} as events. */
    public SpikeMonitor spikes(Population population) {
        return spikes(Union.of(population));
    }

    /** Records the spikes of the populations of {@code union} as events, numbered through the union. */
    public SpikeMonitor spikes(Union union) {
        SpikeMonitor m = new SpikeMonitor(union);
        add(m);
        return m;
    }

    /** A step function run at every step. */
    public Network step(String name, StepFunction f) {
        return when(name, k -> true, f);
    }

    /** A step function run at the steps whose index is a multiple of {@code k} (the reference's {@code @every}). */
    public Network every(String name, int k, StepFunction f) {
        if (k < 1) {
            throw new SimulationException("step function " + name + ": period " + k + " steps must be >= 1");
        }
        return when(name, s -> s % k == 0, f);
    }

    /** A step function run at the steps for which {@code predicate} holds. */
    public Network when(String name, LongPredicate predicate, StepFunction f) {
        requireUnbuilt("new step functions");
        if (userSteps.containsKey(name)) {
            throw new SimulationException("step function '" + name + "' is defined twice; give each its own name");
        }
        stepFunctions.add(f);
        userSteps.put(name, (s, t) -> {
            if (predicate.test(s)) {
                f.run(s, t);
            }
        });
        return this;
    }

    public Network progress(ProgressListener listener) {
        listeners.add(listener);
        return this;
    }

    // ---- schedule ---------------------------------------------------------------------------------

    /** The entries of one step, in the order they run. */
    public List<String> schedule() {
        return order != null ? List.copyOf(order) : List.copyOf(defaultSchedule().keySet());
    }

    /** Replaces the default order; {@code names} must list every entry of {@link #schedule()} once. */
    public Network order(List<String> names) {
        requireUnbuilt("the order");
        Set<String> known = defaultSchedule().keySet();
        Set<String> given = new LinkedHashSet<>(names);
        if (given.size() != names.size() || !given.equals(known)) {
            Set<String> missing = new LinkedHashSet<>(known);
            missing.removeAll(given);
            Set<String> unknown = new LinkedHashSet<>(given);
            unknown.removeAll(known);
            throw new SimulationException("the order must list every schedule entry exactly once; missing " + missing
                    + ", unknown " + unknown + (given.size() != names.size() ? ", some listed twice" : "")
                    + "; the entries are " + known);
        }
        this.order = List.copyOf(names);
        return this;
    }

    /**
     * Per group, {@code G.input} applies the inputs to G, {@code G.record} samples G's state
     * monitors and {@code G.monitor} records G's spike monitors (the reference's names);
     * {@code P.deliver} delivers projection P's spikes.
     */
    private Map<String, StepAction> defaultSchedule() {
        Map<String, StepAction> s = new LinkedHashMap<>();
        for (NeuronGroup g : groups) {
            Input[] of = inputs.stream().filter(in -> in.target().group() == g).toArray(Input[]::new);
            if (of.length > 0) {
                put(s, g.name() + ".input", (k, t) -> {
                    for (Input in : of) {
                        in.apply(k, t);
                    }
                });
            }
        }
        // state monitors sample the state the update starts from (Brian2's StateMonitor in 'start')
        for (NeuronGroup g : groups) {
            List<Monitor> of = monitorsOf(g, StateMonitor.class);
            if (!of.isEmpty()) {
                put(s, g.name() + ".record", recordAll(of));
            }
        }
        scheduleSynapses(s, "record", syn -> !syn.monitors().isEmpty(), (syn, k, t) -> syn.record(k));
        // Brian2's summed variables are set before the groups update, clock-driven synapses after
        scheduleSynapses(s, "summed", syn -> !syn.summedTargets().isEmpty(), (syn, k, t) -> syn.updateSummed(k, t, dt));
        for (NeuronGroup g : groups) {
            put(s, g.name() + ".update", g::update);
        }
        scheduleSynapses(s, "update", syn -> !syn.model().clockDriven().isEmpty(),
                (syn, k, t) -> syn.updateClockDriven(k, t, dt));
        // Brian2's 'synapses' slot: a spike reaches its targets in the step it is emitted in
        // (delay 0), so the step's end state and the next step's records already hold it
        for (Projection p : projections) {
            put(s, p.name() + ".deliver", p::deliver);
        }
        // Brian2's pathways: every on_pre (order -1) before every on_post (order 1)
        scheduleSynapses(s, "pre", syn -> !syn.model().onPre().isEmpty(), (syn, k, t) -> syn.deliverPre(k, t, dt));
        scheduleSynapses(s, "post", syn -> !syn.model().onPost().isEmpty(), (syn, k, t) -> syn.deliverPost(k, t, dt));
        userSteps.forEach((name, action) -> put(s, name, action));
        for (NeuronGroup g : groups) {
            List<Monitor> of = monitorsOf(g, SpikeMonitor.class);
            if (!of.isEmpty()) {
                put(s, g.name() + ".monitor", recordAll(of));
            }
        }
        return s;
    }

    /** What a {@link Synapses} does at one entry of the schedule. */
    @FunctionalInterface
    private interface SynapsesAction {
        void run(Synapses synapses, long step, double t);
    }

    /** An entry {@code S.<phase>} for each synapses {@code S} that has something to do in it. */
    private void scheduleSynapses(Map<String, StepAction> schedule, String phase,
                                  java.util.function.Predicate<Synapses> needed, SynapsesAction action) {
        for (Synapses syn : synapses) {
            if (needed.test(syn)) {
                put(schedule, syn.name() + "." + phase, (k, t) -> action.run(syn, k, t));
            }
        }
    }

    /** A step that records each of {@code monitors}: a plain loop, no lambda made per step. */
    private static StepAction recordAll(List<Monitor> monitors) {
        Monitor[] of = monitors.toArray(Monitor[]::new);
        return (k, t) -> {
            for (Monitor m : of) {
                m.record(k);
            }
        };
    }

    /** The monitors of one kind that run with group {@code g}; a union's runs with its first part's group. */
    private List<Monitor> monitorsOf(NeuronGroup g, Class<? extends Monitor> kind) {
        return monitors.stream().filter(m -> kind.isInstance(m) && m.subjects().get(0).group() == g).toList();
    }

    private static void put(Map<String, StepAction> schedule, String name, StepAction action) {
        if (schedule.putIfAbsent(name, action) != null) {
            throw new SimulationException("two parts of the network are both named '" + name + "'; give them distinct names");
        }
    }

    // ---- building and running ----------------------------------------------------------------------

    /** Allocates every tensor and compiles every kernel; run() does it on first use. */
    public Network build() {
        if (built) {
            return this;
        }
        checkParts();
        for (Projection p : projections) {
            p.plan(dt);
        }
        for (int i = 0; i < synapses.size(); i++) {
            synapses.get(i).plan(dt, seed, i);
        }
        plannedMemory().check(MemoryPlan.availableHeap(),
                "use fewer neurons, fewer synapses or shorter delays, or give Java more heap (-Xmx)");
        for (int i = 0; i < groups.size(); i++) {
            groups.get(i).build(backend, dtype, seed, i);
            compilations++;
        }
        for (Projection p : projections) {
            p.build(backend, dtype);
            compilations += p.kernels();
        }
        synapses.forEach(syn -> syn.build(backend, dtype));
        for (Input in : inputs) {
            requireMember(in.target(), "input " + in.name());
            in.build(backend, dt);
        }
        for (Monitor m : monitors) {
            m.subjects().forEach(p -> requireMember(p, "monitor " + m.name()));
            m.build(backend);
            if (m instanceof StateMonitor sm) {
                sm.dt(dt);
            } else if (m instanceof SpikeMonitor sp) {
                sp.dt(dt);
            }
        }
        Map<String, StepAction> all = defaultSchedule();
        plan = schedule().stream().map(all::get).toArray(StepAction[]::new);
        finiteProbe = backend.zeros(dtype);
        built = true;
        return this;
    }

    /**
     * What building allocates, estimated before it does: each group's state and spike history and
     * each projection's synapses on the backend (their drawn copy is on the heap already).
     */
    private MemoryPlan plannedMemory() {
        MemoryPlan memory = new MemoryPlan();
        for (NeuronGroup g : groups) {
            memory.add("group " + g.name() + " (" + g.size() + " neurons)", g.plannedBytes(dtype));
        }
        for (Projection p : projections) {
            memory.add("projection " + p.name() + " (" + p.synapses() + " synapses)",
                    (double) p.synapses() * MemoryPlan.BYTES_PER_SYNAPSE);
        }
        return memory;
    }

    private void checkParts() {
        Set<NeuronGroup> members = new LinkedHashSet<>(groups);
        for (Projection p : projections) {
            for (Population end : List.of(p.pre(), p.post())) {
                if (!members.contains(end.group())) {
                    throw new SimulationException("projection " + p.name() + " connects " + end.name()
                            + ", which is not in the network; add group " + end.group().name());
                }
            }
        }
        Set<String> summedTargets = new LinkedHashSet<>();
        for (Synapses syn : synapses) {
            for (Population end : List.of(syn.pre(), syn.post())) {
                if (!members.contains(end.group())) {
                    throw new SimulationException(syn + " connect " + end.name() + ", which is not in the network; add"
                            + " group " + end.group().name());
                }
            }
            for (String x : syn.summedTargets()) {
                if (!summedTargets.add(syn.post().group().name() + "." + x)) {
                    throw new SimulationException("synapses " + syn.name() + ": " + syn.post().group().name() + "." + x
                            + " is the (summed) target of other synapses too; sum into one variable per synapses object"
                            + " and add the variables in the group's equations");
                }
            }
        }
        for (NeuronGroup g : groups) {
            if (g.isBuilt()) {
                throw new SimulationException("group " + g.name() + " belongs to another network already; a group runs in one network");
            }
        }
    }

    private void requireMember(Population p, String user) {
        if (!groups.contains(p.group())) {
            throw new SimulationException(user + " refers to group " + p.group().name()
                    + ", which is not in the network; add the group");
        }
    }

    /** How many kernels this network compiled: one per group and per STP projection, at the first build only. */
    public int compilations() {
        return compilations;
    }

    /** The current time: the start of the next step. */
    public double time() {
        return step * dt;
    }

    /** The index of the next step. */
    public long currentStep() {
        return step;
    }

    /** Runs for {@code duration}, continuing from the current state and time. */
    public void run(double duration) {
        build();
        runSteps(steps(duration, "duration"));
    }

    /**
     * Runs from {@code start} to {@code end}. {@code start} must be the current time, or, for a
     * network that has not run since it was built or reset, any time the clock then starts at.
     */
    public void run(double start, double end) {
        build();
        long first = steps(start, "start");
        if (first != step) {
            if (step != 0) {
                throw new SimulationException("run(" + start + ", " + end + ") starts elsewhere than the current time "
                        + time() + "; continue from " + time() + " or reset() first");
            }
            step = first;
        }
        runSteps(steps(end, "end") - first);
    }

    private long steps(double time, String what) {
        double n = time / dt;
        if (n > MemoryPlan.MAX_STEPS) {
            MemoryPlan.steps(time, dt); // refuses it with the count and the fix
        }
        long rounded = Math.round(n);
        if (!(time >= 0) || Math.abs(n - rounded) > 1e-6 * Math.max(1, n)) {
            throw new SimulationException("the " + what + " " + time + " is not a non-negative multiple of dt = " + dt);
        }
        return rounded;
    }

    private void runSteps(long n) {
        for (Input in : inputs) {
            in.checkCovers(step + n, dt);
        }
        // plain loops here and below: in a fresh JVM each lambda's first call spins a class, a
        // millisecond of a small network's first run
        for (NeuronGroup g : groups) {
            g.prepare(dt);
        }
        // looked up once per run, not at each check: the group's maps and streams cost more than the check's sum at small sizes
        List<Integrated> integrated = integrated();
        long start = System.nanoTime();
        long every = Math.max(1, n / 100);
        long lastGood = step;
        try {
            for (long i = 0; i < n; i++) {
                runStep();
                if (step % checkEvery == 0 || i == n - 1) {
                    checkFinite(integrated, lastGood);
                    lastGood = step;
                }
                if ((i + 1) % every == 0 || i == n - 1) {
                    progress((i + 1) / (double) n, (System.nanoTime() - start) * 1e-9);
                }
            }
        } finally {
            for (Monitor m : monitors) {
                m.flush();
            }
        }
    }

    /**
     * One step of the schedule, a method of its own: the JIT compiles a method after a few hundred
     * calls, but a loop only after tens of thousands of back-edges, so with the schedule inside the
     * loop over steps a run of 10^4 steps ran it interpreted throughout (JFR, the 10^3 cases).
     */
    private void runStep() {
        double t = step * dt;
        for (StepAction action : plan) {
            action.run(step, t);
        }
        step++;
    }

    private void progress(double fraction, double elapsed) {
        for (ProgressListener l : listeners) {
            l.progress(fraction, elapsed);
        }
    }

    /** One integrated variable of a group, as the finite check reads it. */
    private record Integrated(String group, String variable, Tensor tensor) {
    }

    private List<Integrated> integrated() {
        List<Integrated> all = new ArrayList<>();
        for (NeuronGroup g : groups) {
            for (Map.Entry<String, Tensor> x : g.integratedTensors().entrySet()) {
                all.add(new Integrated(g.name(), x.getKey(), x.getValue()));
            }
        }
        return all;
    }

    private void checkFinite(List<Integrated> integrated, long lastGood) {
        for (Integrated x : integrated) {
            double sum = backend.reduce(Reduction.SUM, x.tensor(), finiteProbe).item();
            if (!Double.isFinite(sum)) {
                throw new NonFiniteStateException(x.group(), x.variable(), step * dt, lastGood * dt);
            }
        }
    }

    /**
     * Continues on {@code target} from here: every tensor moves through the host to the new
     * backend, kernels are compiled there (counted in {@link #compilations()}), monitors keep
     * what they recorded. The launcher's {@code --switch-backend}.
     */
    public void moveTo(Backend target) {
        if (!built) {
            backend = target;
            return;
        }
        monitors.forEach(Monitor::flush);
        for (NeuronGroup g : groups) {
            g.moveTo(target);
            compilations++;
        }
        for (Projection p : projections) {
            p.moveTo(target);
            compilations += p.kernels();
        }
        synapses.forEach(syn -> syn.moveTo(target));
        for (Input in : inputs) {
            in.build(target, dt);
        }
        for (Monitor m : monitors) {
            m.build(target);
        }
        finiteProbe = target.zeros(dtype);
        backend = target;
    }

    /**
     * Back to time 0 drawing from {@code seed} from now on: initial values, noise and noise inputs
     * (each on its own stream) as a network built with this seed draws them (connectivity, drawn
     * by connectors with their own seeds, is kept). Repeat runs that should not replay one another's draws (a parameter sweep's points)
     * each take their own seed. Kernels stay compiled; a step that draws noise is bound to the new
     * seed ({@link Backend#compile} again, counted in {@link #compilations()}; the CPU backend
     * reuses the class it compiled).
     */
    public void reset(long seed) {
        reseed(seed);
        reset();
    }

    /**
     * Saves the state at this step boundary into {@code file}, one versioned {@link Checkpoint}:
     * what every state owner contributes (each group's tensors and the spikes still in its delays,
     * each projection's synaptic state), what the monitors recorded, the step (the position of
     * every random stream, which draws by step) and the seed. A network built the same way (the
     * same spec or code) continues from it with {@link #load}, on this or another backend.
     */
    public void save(Path file) {
        build();
        monitors.forEach(Monitor::flush);
        Map<String, Checkpoint.Array> arrays = new LinkedHashMap<>();
        stateTensors().forEach((name, t) -> arrays.put(name, new Checkpoint.Array(t.shape(), t.toDoubleArray())));
        for (int i = 0; i < monitors.size(); i++) {
            String prefix = "monitor." + i + "." + monitors.get(i).name();
            if (monitors.get(i) instanceof SpikeMonitor m) {
                long[] steps = m.steps();
                arrays.put(prefix + ".steps", new Checkpoint.Array(new int[] {steps.length},
                        java.util.Arrays.stream(steps).asDoubleStream().toArray()));
                arrays.put(prefix + ".indices", new Checkpoint.Array(new int[] {steps.length},
                        java.util.Arrays.stream(m.indices()).asDoubleStream().toArray()));
            } else if (monitors.get(i) instanceof StateMonitor m) {
                int[] shape = m.shape();
                arrays.put(prefix + ".values", new Checkpoint.Array(shape,
                        java.util.Arrays.stream(m.values()).flatMapToDouble(java.util.Arrays::stream).toArray()));
                arrays.put(prefix + ".times", new Checkpoint.Array(new int[] {shape[0]}, m.times()));
            }
        }
        synapseMonitors().forEach((prefix, m) -> {
            double[][] rows = m.values();
            int columns = m.columns();
            arrays.put(prefix + ".values", new Checkpoint.Array(new int[] {rows.length, columns},
                    java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray()));
            arrays.put(prefix + ".steps", new Checkpoint.Array(new int[] {rows.length},
                    java.util.Arrays.stream(m.steps()).asDoubleStream().toArray()));
        });
        new Checkpoint(step, seed, dt, arrays).write(file);
    }

    /**
     * Continues from a {@link Checkpoint} that a network built the same way saved: its state, its
     * monitors' records, its step and seed replace this network's, on this network's backend; the
     * run then gives the spikes the uninterrupted run gives. A checkpoint of another network (other
     * groups, sizes or dt) is refused, naming what differs.
     */
    public void load(Path file) {
        build();
        Checkpoint c = Checkpoint.read(file);
        if (c.dt != dt) {
            throw new SimulationException("checkpoint " + file + " has dt = " + c.dt + " but this network dt = " + dt
                    + "; resume with the network (spec) that saved it");
        }
        Map<String, Tensor> owned = stateTensors();
        Set<String> missing = new LinkedHashSet<>(owned.keySet());
        missing.removeAll(c.arrays.keySet());
        if (!missing.isEmpty()) {
            throw new SimulationException("checkpoint " + file + " is of another network: it has no " + missing
                    + "; resume with the network (spec) that saved it");
        }
        owned.forEach((name, t) -> {
            Checkpoint.Array a = c.arrays.get(name);
            if (!java.util.Arrays.equals(a.shape(), t.shape())) {
                throw new SimulationException("checkpoint " + file + " is of another network: " + name + " has shape "
                        + java.util.Arrays.toString(a.shape()) + ", here " + java.util.Arrays.toString(t.shape()));
            }
        });
        if (c.seed != seed) {
            reseed(c.seed);
        }
        owned.forEach((name, t) -> {
            Checkpoint.Array a = c.arrays.get(name);
            // a 0-d tensor (a shared parameter) comes back through full: asTensor makes arrays of rank 1 or more
            Tensor host = a.shape().length == 0 ? backend.full(DType.FLOAT64, a.values()[0]) : backend.asTensor(a.values(), a.shape());
            backend.astype(host, t.dtype(), t);
        });
        for (int i = 0; i < monitors.size(); i++) {
            String prefix = "monitor." + i + "." + monitors.get(i).name();
            if (monitors.get(i) instanceof SpikeMonitor m && c.arrays.containsKey(prefix + ".steps")) {
                m.restore(java.util.Arrays.stream(c.arrays.get(prefix + ".steps").values()).mapToLong(v -> (long) v).toArray(),
                        java.util.Arrays.stream(c.arrays.get(prefix + ".indices").values()).mapToInt(v -> (int) v).toArray());
            } else if (monitors.get(i) instanceof StateMonitor m && c.arrays.containsKey(prefix + ".values")) {
                m.restore(rows(c.arrays.get(prefix + ".values")), c.arrays.get(prefix + ".times").values());
            }
        }
        synapseMonitors().forEach((prefix, m) -> {
            Checkpoint.Array values = c.arrays.get(prefix + ".values");
            if (values != null) {
                m.restore(rows(values), java.util.Arrays.stream(c.arrays.get(prefix + ".steps").values())
                        .mapToLong(v -> (long) v).toArray());
            }
        });
        step = c.step;
    }

    /** The synapse monitors by their name in a checkpoint, {@code synapses.S.monitor.K.VAR} (K: the order they were made in). */
    private Map<String, SynapseMonitor> synapseMonitors() {
        Map<String, SynapseMonitor> all = new LinkedHashMap<>();
        for (Synapses s : synapses) {
            for (int k = 0; k < s.monitors().size(); k++) {
                all.put("synapses." + s.name() + ".monitor." + k + "." + s.monitors().get(k).variable(), s.monitors().get(k));
            }
        }
        return all;
    }

    /** A checkpoint's 2-d array as rows. */
    private static double[][] rows(Checkpoint.Array a) {
        double[][] rows = new double[a.shape()[0]][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(a.values(), r * a.shape()[1], (r + 1) * a.shape()[1]);
        }
        return rows;
    }

    /** Every state owner's tensors by a name unique in the network: {@code group.G.V}, {@code projection.P.u}. */
    private Map<String, Tensor> stateTensors() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        groups.forEach(g -> g.stateTensors().forEach((n, t) -> all.put("group." + g.name() + "." + n, t)));
        projections.forEach(p -> p.stateTensors().forEach((n, t) -> all.put("projection." + p.name() + "." + n, t)));
        synapses.forEach(s -> s.stateTensors().forEach((n, t) -> all.put("synapses." + s.name() + "." + n, t)));
        return all;
    }

    /** Back to time 0 and the initial state (the same random draws); monitors are cleared, kernels kept. */
    public void reset() {
        step = 0;
        if (built) {
            groups.forEach(NeuronGroup::reset);
            projections.forEach(Projection::reset);
            stepFunctions.forEach(StepFunction::reset);
            synapses.forEach(Synapses::reset);
        }
        monitors.forEach(Monitor::clear);
    }

    /** Initial values, group noise and noise inputs draw from {@code seed} from now on. */
    private void reseed(long seed) {
        this.seed = seed;
        if (built) {
            for (NeuronGroup g : groups) {
                compilations += g.reseed(seed) ? 1 : 0;
            }
        }
        inputs.forEach(in -> in.reseed(seed));
    }

    private void requireUnbuilt(String what) {
        if (built) {
            throw new SimulationException("the network is built; " + what + " must be set before the first build() or run()");
        }
    }
}
