package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.Csr;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Substitute;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticKernel.EventReach;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * Brian2's {@code Synapses}: a {@link SynapseModel} run on the synapses of a connectivity
 * between two populations, with per-synapse state (one tensor per variable, one element per
 * synapse in CSR order). Each step, in Brian2's order: {@code (summed)} variables are set before
 * the groups update; clock-driven equations advance after them (by the model's method, with the
 * groups' integrators); then for each pre-synaptic neuron that spiked {@code d} steps ago
 * {@code on_pre} runs over its synapses of pre-synaptic delay {@code d} (CSR rows), and for each
 * post-synaptic neuron that spiked {@code d} steps ago {@code on_post} runs over its synapses of
 * post-synaptic delay {@code d} (CSC columns). Delays are shared by the model or given per
 * synapse ({@link #delays(Pathway, double...)}). Spikes are the groups' own history
 * ({@link NeuronGroup#spikeList}), handed to the programs where the backend holds them. Every
 * program is compiled by the backend from the IR
 * ({@link Backend#compileSynaptic}); each {@code rand()} or {@code randn()} in a program is a
 * draw per synapse and step from the network's seed, the same on every backend. The compiler
 * picks the representation, never the user: a model whose only effect is {@code x_post += f(w)}
 * becomes a post-aligned projection ({@link #usesAlignPost}), and one {@link PostAligned} proves
 * linear keeps its state as one sum per post-synaptic neuron ({@link #isMerged}).
 */
public final class Synapses {
    private final String name;
    private final Population pre;
    private final Population post;
    private final SynapseModel model;
    private final int[] indptr;
    private final int[] indices;
    /** Per pathway given per synapse: an array or an expression, replacing the model's shared delay. */
    private final Map<Pathway, double[]> delayValues = new java.util.EnumMap<>(Pathway.class);
    private final Map<Pathway, Expr> delayExpressions = new java.util.EnumMap<>(Pathway.class);
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, Expr> expressions = new LinkedHashMap<>();
    private final List<SynapseMonitor> monitors = new ArrayList<>();
    /** The post-synaptic group's channel these synapses drive its synaptic current through, or null. */
    private Channel channel;
    /** The proof the channel was built from, or null. */
    private PostAligned fused;

    // set by plan() and build()
    /** Per delay (in steps), the synapses of each pre-synaptic neuron, in CSR order. */
    private Map<Integer, EventReach> rowsByDelay;
    /** Per delay (in steps), the synapses onto each post-synaptic neuron, in CSR order. */
    private Map<Integer, EventReach> columnsByDelay;
    private Backend backend;
    private long seed;
    private int stream;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private SynapticKernel onPre;
    private SynapticKernel onPost;
    private SynapticKernel clockDriven;
    private final Map<String, SynapticKernel> summed = new LinkedHashMap<>();
    /** The post-aligned projection that delivers {@code on_pre} when the model allows it, or null. */
    private Projection alignPost;
    /** The model's state merged per post-synaptic neuron, when {@link PostAligned} proves it may be, or null. */
    private PostAligned merged;
    /** On the merged path: the pre-synaptic delay in steps, and per jumping variable what each synapse's spike adds. */
    private int mergedDelay;
    private Map<String, double[]> mergedJumps;
    private Map<String, Tensor> mergedJumpsT;
    private Tensor indptrT;
    private Tensor indicesT;

    public Synapses(String name, SynapseModel model, Population pre, Population post, Csr csr) {
        this.name = name;
        this.model = model;
        this.pre = pre;
        this.post = post;
        this.indptr = csr.indptr().clone();
        this.indices = csr.indices().clone();
        if (indptr.length != pre.size() + 1 || indptr[pre.size()] != indices.length) {
            throw new SimulationException("synapses " + name + ": the connectivity has " + (indptr.length - 1)
                    + " rows and " + indices.length + " synapses, but " + pre.name() + " has " + pre.size()
                    + " neurons; give one CSR row per pre-synaptic neuron");
        }
        for (int j : indices) {
            if (j < 0 || j >= post.size()) {
                throw new SimulationException("synapses " + name + ": target index " + j + " is outside " + post.name()
                        + " (0.." + (post.size() - 1) + ")");
            }
        }
        requireGroupVariables();
        String current = drivenCurrentSymbol();
        if (current != null) {
            // the group's synaptic current is only a channel's to drive: the channel exists from now, so its
            // variables can be monitored on the group (requireGroupVariables refused a model the proof fails on)
            fused = PostAligned.of(model).orElseThrow();
            channel = post.group().channel(name, Channel.kinetic(fused, model, current));
        }
    }

    /** The post-synaptic group's synaptic current symbol when the model's {@code (summed)} value sets it, else null. */
    private String drivenCurrentSymbol() {
        String current = post.group().model().current();
        return current != null && model.summed().containsKey(current) && !post.group().variables().contains(current)
                ? current : null;
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

    public SynapseModel model() {
        return model;
    }

    /** The number of synapses. */
    public int size() {
        return indices.length;
    }

    /** Each synapse's own value of {@code variable}, in CSR order. */
    public Synapses init(String variable, double... perSynapse) {
        requireVariable(variable);
        if (perSynapse.length != size() && perSynapse.length != 1) {
            throw new SimulationException("synapses " + name + ": " + perSynapse.length + " values of " + variable + " for "
                    + size() + " synapses; give one per synapse (CSR order) or one for all");
        }
        expressions.remove(variable);
        values.put(variable, perSynapse.length == 1 ? filled(perSynapse[0]) : perSynapse.clone());
        return this;
    }

    /**
     * {@code variable} of each synapse from an expression of {@code i} and {@code j} (its pre-
     * and post-synaptic neuron's index), the model's parameters and {@code rand()} (a uniform
     * draw in [0, 1) per synapse and use, from the network's seed): Brian2's {@code S.w = 'rand() * wmax'}.
     * Numbers are in the model's units (the coherent system); units are checked by the caller.
     */
    public Synapses init(String variable, Expr expression) {
        requireVariable(variable);
        requireInitialNames("the initial value of " + name + "." + variable, expression);
        values.remove(variable);
        expressions.put(variable, expression);
        return this;
    }

    /** One pre-synaptic delay per synapse (CSR order), in the time unit of the network; replaces the model's shared one. */
    public Synapses delays(double... perSynapse) {
        return delays(Pathway.PRE, perSynapse);
    }

    /**
     * One delay per synapse (CSR order) of {@code pathway}, in the time unit of the network:
     * Brian2's {@code S.pre.delay[:]} or {@code S.post.delay[:]}; replaces the model's shared one.
     */
    public Synapses delays(Pathway pathway, double... perSynapse) {
        if (perSynapse.length != size()) {
            throw new SimulationException("synapses " + name + ": " + perSynapse.length + " " + pathway.label
                    + " delays for " + size() + " synapses; give one per synapse (CSR order)");
        }
        for (double d : perSynapse) {
            requireDelay(pathway, d);
        }
        delayExpressions.remove(pathway);
        delayValues.put(pathway, perSynapse.clone());
        return this;
    }

    /**
     * The delay of each synapse of {@code pathway} from an expression of {@code i}, {@code j},
     * the parameters and {@code rand()}, as {@link #init(String, Expr)} takes (Brian2's
     * {@code S.delay = 'j * ms'}); evaluated when the network is built.
     */
    public Synapses delays(Pathway pathway, Expr expression) {
        requireInitialNames("the " + pathway.label + " delay of " + name, expression);
        delayValues.remove(pathway);
        delayExpressions.put(pathway, expression);
        return this;
    }

    /** Brian2's two pathways of a synapse: {@code on_pre} after a pre-synaptic spike, {@code on_post} after a post-synaptic one. */
    public enum Pathway {
        PRE("pre-synaptic"), POST("post-synaptic");

        private final String label;

        Pathway(String label) {
            this.label = label;
        }
    }

    /** Records {@code variable} of the synapses {@code which} (null: all) every {@code period} steps, before the update. */
    public SynapseMonitor monitor(String variable, int[] which, int period) {
        requireVariable(variable);
        if (channel != null) {
            throw new SimulationException("synapses " + name + " drive " + post.group().name() + "'s synaptic current"
                    + " through a channel of the group, which holds their state summed per neuron (" + String.join(", ",
                    channel.variables()) + "), not per synapse; monitor those variables of " + post.group().name());
        }
        SynapseMonitor m = new SynapseMonitor(this, variable, which, period);
        monitors.add(m);
        return m;
    }

    /** The tensor of a per-synapse variable (after the network is built). */
    public Tensor variable(String variable) {
        requireVariable(variable);
        if (backend == null) {
            throw new SimulationException("synapses " + name + " are not built yet; add them to a network and run it");
        }
        if (channel != null) {
            throw new SimulationException("synapses " + name + " hold their state summed per post-synaptic neuron in a"
                    + " channel of " + post.group().name() + " (" + String.join(", ", channel.variables()) + ") and their"
                    + " weights in its event op, not per synapse; read those variables of the group");
        }
        if (merged != null && merged.state().contains(variable)) {
            throw new SimulationException("synapses " + name + " hold " + variable + " summed per post-synaptic neuron"
                    + " (the merged fast path), not per synapse; add a monitor of " + variable + " before the run to keep"
                    + " it per synapse");
        }
        return tensors.get(variable);
    }

    /** The post-synaptic variables the synapses' {@code (summed)} expressions set. */
    Set<String> summedTargets() {
        // a channel adds its current to the group's symbol, beside any other channel's
        return channel != null ? Set.of() : model.summed().keySet();
    }

    List<SynapseMonitor> monitors() {
        return monitors;
    }

    // ---- building ------------------------------------------------------------------------------

    /**
     * Whether the synapses run as a post-aligned {@link Projection} (one event op per step adding
     * each synapse's weight to post-synaptic state): chosen when no monitor asks for per-synapse
     * values and either the model's only effect is {@code x_post += f(w, parameters)} with no
     * per-synapse dynamics and no {@code on_post}, or {@link PostAligned} proves it linear with its
     * summed value the post-synaptic group's synaptic current symbol, when its state becomes a
     * channel of that group advanced in the group's own step kernel. Known once the network is built.
     */
    public boolean usesAlignPost() {
        return alignPost != null;
    }

    /**
     * Whether the synapses' state is held per post-synaptic neuron ({@link PostAligned}: linear
     * kinetics with shared coefficients, constant weights, a summed output linear in them): chosen
     * when the proof holds and no monitor asks for per-synapse values: as a channel of the
     * post-synaptic group ({@link #usesAlignPost}) when it drives the group's synaptic current
     * symbol, else as its own per-neuron programs setting a group variable. Known once the network is built.
     */
    public boolean isMerged() {
        return merged != null || alignPost != null && alignPost.hasChannel();
    }

    /**
     * Rounds the delays of both pathways to steps and asks each group to keep the spikes they need;
     * {@code seed} and {@code stream} key the draws of initial values, delays and programs.
     */
    void plan(double dt, long seed, int stream) {
        this.seed = seed;
        this.stream = stream;
        alignPost = alignPostOrNull();
        if (alignPost != null) {
            alignPost.plan(dt);
            return;
        }
        merged = monitors.isEmpty() && !delayValues.containsKey(Pathway.PRE) && !delayExpressions.containsKey(Pathway.PRE)
                ? PostAligned.of(model).orElse(null) : null;
        if (merged != null) {
            mergedDelay = model.delay() == null ? 0 : (int) Math.round(model.delay() / dt);
            if (mergedDelay > 0) {
                pre.group().needDelay(mergedDelay);
            }
            return;
        }
        int[] preOf = new int[size()];
        for (int i = 0; i < pre.size(); i++) {
            java.util.Arrays.fill(preOf, indptr[i], indptr[i + 1], i);
        }
        rowsByDelay = byDelay(preOf, pre, delaySteps(Pathway.PRE, model.delay(), dt), false);
        columnsByDelay = byDelay(indices, post, delaySteps(Pathway.POST, model.postDelay(), dt), true);
    }

    /** Each synapse's delay on {@code pathway} in steps: given per synapse, else the model's shared one, else 0. */
    private int[] delaySteps(Pathway pathway, Double shared, double dt) {
        double[] d = delayValues.containsKey(pathway) ? delayValues.get(pathway)
                : delayExpressions.containsKey(pathway) ? evaluate(stateNames().size() + pathway.ordinal(),
                delayExpressions.get(pathway)) : null;
        int[] steps = new int[size()];
        for (int s = 0; s < size(); s++) {
            double delay = d != null ? requireDelay(pathway, d[s]) : shared == null ? 0 : shared;
            steps[s] = (int) Math.round(delay / dt);
        }
        return steps;
    }

    /**
     * Per delay (in steps), the synapses of each neuron of {@code group} ({@code neuronOf[s]} is
     * synapse {@code s}'s), in CSR order; asks the group to keep the spikes the longest delay needs.
     */
    private Map<Integer, EventReach> byDelay(int[] neuronOf, Population group, int[] delaySteps, boolean postSide) {
        Map<Integer, int[]> counts = new TreeMap<>();
        for (int s = 0; s < size(); s++) {
            counts.computeIfAbsent(delaySteps[s], d -> new int[group.size()])[neuronOf[s]]++;
        }
        Map<Integer, int[][]> lists = new LinkedHashMap<>();
        counts.forEach((d, count) -> {
            int[][] of = new int[group.size()][];
            for (int k = 0; k < of.length; k++) {
                of[k] = new int[count[k]];
                count[k] = 0;
            }
            lists.put(d, of);
        });
        for (int s = 0; s < size(); s++) {
            int[] count = counts.get(delaySteps[s]);
            lists.get(delaySteps[s])[neuronOf[s]][count[neuronOf[s]]++] = s;
        }
        int longest = lists.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (longest > 0) {
            group.group().needDelay(longest);
        }
        Map<Integer, EventReach> reach = new LinkedHashMap<>();
        lists.forEach((d, of) -> reach.put(d, new EventReach(group.offset(), of, postSide)));
        return reach;
    }

    /** Allocates the per-synapse state, sets its initial values and compiles the programs. */
    void build(Backend backend, DType dtype) {
        this.backend = backend;
        for (String x : stateNames()) {
            tensors.put(x, backend.zeros(dtype, merged != null && merged.state().contains(x) ? post.size() : size()));
        }
        model.parameters().forEach((p, v) -> tensors.put(p, backend.full(dtype, v)));
        if (alignPost != null) {
            alignPost.build(backend, dtype);
            reset();
            return;
        }
        compile();
        reset();
        monitors.forEach(SynapseMonitor::build);
    }

    /** Continues on {@code target}: the state moves through the host, the programs are compiled there. */
    void moveTo(Backend target) {
        tensors.replaceAll((n, t) -> target.transfer(t));
        backend = target;
        if (alignPost != null) {
            alignPost.moveTo(target);
            return;
        }
        compile();
        monitors.forEach(SynapseMonitor::build);
    }

    /**
     * The tensors of this object's state, for a checkpoint: every per-synapse variable and the
     * last update times of the event-driven ones, or the post-aligned channel's state on the fast path.
     */
    Map<String, Tensor> stateTensors() {
        if (alignPost != null) {
            return alignPost.stateTensors();
        }
        Map<String, Tensor> state = new LinkedHashMap<>();
        stateNames().forEach(x -> state.put(x, tensors.get(x)));
        return state;
    }

    /** Back to the initial values (the same draws). */
    void reset() {
        for (String x : stateNames()) {
            Tensor t = tensors.get(x);
            double[] v = merged != null && merged.state().contains(x) ? summedPerPost(x) : initial(x);
            backend.copy(backend.astype(backend.asTensor(v), t.dtype(), null), t);
        }
        if (alignPost != null) {
            alignPost.reset();
        }
        monitors.forEach(SynapseMonitor::clear);
    }

    /** The initial value of {@code x} of each synapse: given, drawn from its expression, or 0. */
    private double[] initial(String x) {
        return values.containsKey(x) ? values.get(x) : expressions.containsKey(x) ? evaluate(x, expressions.get(x))
                : filled(0);
    }

    /** Merged state's initial value: {@code sum_k w_k x_k} over the synapses onto each post-synaptic neuron. */
    private double[] summedPerPost(String x) {
        double[] each = initial(x);
        double[] w = merged.weight() == null ? filled(1) : initial(merged.weight());
        double[] sum = new double[post.size()];
        for (int k = 0; k < size(); k++) {
            sum[indices[k]] += w[k] * each[k];
        }
        return sum;
    }

    private List<String> stateNames() {
        List<String> names = new ArrayList<>(model.variables());
        if (!model.eventDriven().isEmpty()) {
            names.add(SynapseModel.LAST_UPDATE);
        }
        return names;
    }

    private void compile() {
        if (merged != null) {
            compileMerged();
            return;
        }
        int[] preIdx = new int[size()];
        int[] postIdx = new int[size()];
        for (int i = 0; i < pre.size(); i++) {
            for (int s = indptr[i]; s < indptr[i + 1]; s++) {
                preIdx[s] = pre.offset() + i;
                postIdx[s] = post.offset() + indices[s];
            }
        }
        Tensor preIndex = backend.asTensor(preIdx);
        Tensor postIndex = backend.asTensor(postIdx);
        onPre = program(model.onPre(), preIndex, postIndex, "on_pre", 0);
        onPost = program(model.onPost(), preIndex, postIndex, "on_post", 1);
        clockDriven = program(integrated(), preIndex, postIndex, "the clock-driven equations", 2);
        summed.clear();
        int k = 3;
        for (Map.Entry<String, Expr> e : model.summed().entrySet()) {
            String target = e.getKey();
            summed.put(target, program(List.of(new Assign(target + SynapseModel.POST, Exprs.add(
                    Exprs.var(target + SynapseModel.POST), e.getValue()))), preIndex, postIndex, target + "_post (summed)", k++));
        }
    }

    /**
     * The merged path's programs, over one element per post-synaptic neuron: the summed output
     * from the merged state, the same clock-driven step the synapses would take, and per variable
     * a spike changes, the weights of its event op ({@code w c}).
     */
    private void compileMerged() {
        int[] postIdx = new int[post.size()];
        for (int j = 0; j < postIdx.length; j++) {
            postIdx[j] = post.offset() + j;
        }
        // the programs read no pre-synaptic variable: any valid index serves
        Tensor preIndex = backend.asTensor(new int[post.size()]);
        Tensor postIndex = backend.asTensor(postIdx);
        onPre = null;
        onPost = null;
        clockDriven = program(integrated(), preIndex, postIndex, "the clock-driven equations", 2);
        summed.clear();
        int k = 3;
        // one element per post-synaptic neuron: the sum is set, not accumulated
        for (Map.Entry<String, Expr> e : merged.summed().entrySet()) {
            String target = e.getKey();
            summed.put(target, program(List.of(new Assign(target + SynapseModel.POST, e.getValue())), preIndex, postIndex,
                    target + "_post (summed)", k++));
        }
        if (mergedJumps == null) {
            double[] w = merged.weight() == null ? filled(1) : initial(merged.weight());
            mergedJumps = new LinkedHashMap<>();
            merged.jumps().forEach((x, c) -> {
                double jump = Interpreter.eval(c, model.parameters());
                double[] add = new double[size()];
                for (int s = 0; s < add.length; s++) {
                    add[s] = w[s] * jump;
                }
                mergedJumps.put(x, add);
            });
        }
        DType dtype = tensors.get(merged.state().get(0)).dtype();
        indptrT = backend.asTensor(indptr);
        indicesT = backend.asTensor(indices);
        mergedJumpsT = new LinkedHashMap<>();
        mergedJumps.forEach((x, add) -> mergedJumpsT.put(x, backend.astype(backend.asTensor(add), dtype, null)));
    }

    /** The clock-driven equations advanced by one step with the model's method, the neuron groups' integrators. */
    private List<Assign> integrated() {
        if (model.clockDriven().isEmpty()) {
            return List.of();
        }
        StepProgram program = GroupIntegrator.method(model.method()).integrate(List.of(), model.clockDriven(), 0);
        if (!program.propagators().isEmpty()) {
            throw new SimulationException("synapses " + name + ": exact would integrate the coupled clock-driven "
                    + "equations of " + program.propagators().get(0).variables() + " with propagators computed once per"
                    + " run, which synapses do not bind; decouple the equations or use rk4 or exponential_euler");
        }
        return program.body();
    }

    /**
     * Compiles one program; each {@code rand()} and {@code randn()} it reads becomes its own draw,
     * on streams that no other program of the network draws on ({@code program} numbers this one
     * among the synapses' programs).
     */
    private SynapticKernel program(List<Assign> statements, Tensor preIndex, Tensor postIndex, String what, int program) {
        if (statements.isEmpty()) {
            return null;
        }
        List<RandomDraw> draws = new ArrayList<>();
        List<Assign> body = statements.stream().map(a -> new Assign(a.target(), numberDraws(a.value(), draws,
                RUNTIME_STREAMS | stream << 16 | program << 8))).toList();
        if (draws.size() > 1 << 8) {
            throw new SimulationException("synapses " + name + ": " + what + " draws " + draws.size() + " random numbers"
                    + " per synapse; at most " + (1 << 8) + " are supported, so write fewer rand() calls");
        }
        Set<String> synaptic = new LinkedHashSet<>();
        Set<String> preVars = new LinkedHashSet<>();
        Set<String> postVars = new LinkedHashSet<>();
        Map<String, Tensor> bound = new HashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (Assign a : body) {
            names.add(a.target());
            names.addAll(FreeVars.of(a.value()));
        }
        for (String n : names) {
            if (tensors.containsKey(n) && !model.parameters().containsKey(n)) {
                synaptic.add(n);
                bound.put(n, tensors.get(n));
            } else if (n.endsWith(SynapseModel.PRE) && !tensors.containsKey(n)) {
                preVars.add(n);
                bound.put(n, pre.group().variable(n.substring(0, n.length() - SynapseModel.PRE.length())));
            } else if (n.endsWith(SynapseModel.POST) && !tensors.containsKey(n)) {
                postVars.add(n);
                bound.put(n, post.group().variable(n.substring(0, n.length() - SynapseModel.POST.length())));
            } else if (model.parameters().containsKey(n)) {
                bound.put(n, tensors.get(n));
            }
        }
        draws.forEach(d -> names.remove(d.name()));
        for (Assign a : body) {
            Tensor written = bound.get(a.target());
            if (written != null && written.rank() == 0) {
                throw new SimulationException("synapses " + name + ": " + what + " writes " + a.target() + ", a value"
                        + " shared by its whole group; give the group's variable per neuron (NeuronGroup.set with an"
                        + " Initializer) or declare it a state variable");
            }
        }
        Set<String> params = new LinkedHashSet<>(model.parameters().keySet());
        params.retainAll(names);
        try {
            return backend.compileSynaptic(new SynapticProgram(body, synaptic, preVars, postVars, params, draws),
                    new SynapticBindings(bound, preIndex, postIndex, seed));
        } catch (BindingException e) {
            throw new SimulationException("synapses " + name + " (" + what + "): " + e.getMessage());
        }
    }

    /**
     * The projection equivalent to the model, or null: {@code on_pre} is the one statement
     * {@code x_post = x_post + f} where x is a state variable of the post-synaptic group and
     * {@code f} reads only parameters and per-synapse variables that nothing changes.
     */
    private Projection alignPostOrNull() {
        if (!monitors.isEmpty()) {
            return null;
        }
        Projection.Builder b = onVariableOrNull();
        if (b == null) {
            b = fusedOrNull();
        }
        if (b == null) {
            return null;
        }
        if (!delayValues.containsKey(Pathway.PRE) && !delayExpressions.containsKey(Pathway.PRE)) {
            if (model.delay() != null) {
                b.delay(model.delay());
            }
            return b.build();
        }
        double[] d = delayValues.containsKey(Pathway.PRE) ? delayValues.get(Pathway.PRE)
                : evaluate(stateNames().size() + Pathway.PRE.ordinal(), delayExpressions.get(Pathway.PRE));
        for (double delay : d) {
            requireDelay(Pathway.PRE, delay);
        }
        return b.delays(d).build();
    }

    /**
     * A model whose only effect is {@code x_post += f(w)}: spikes add {@code f(w)} to the group's
     * variable {@code x} after the update (Brian2's), or, for the membrane of a model under NEST's
     * time convention, within the next update and not while refractory (NEST's {@code static_synapse}
     * onto {@code iaf_psc_delta}).
     */
    private Projection.Builder onVariableOrNull() {
        if (!model.clockDriven().isEmpty() || !model.eventDriven().isEmpty() || !model.summed().isEmpty()
                || !model.onPost().isEmpty() || model.onPre().size() != 1) {
            return null;
        }
        Assign a = model.onPre().get(0);
        String x = a.target().endsWith(SynapseModel.POST)
                ? a.target().substring(0, a.target().length() - SynapseModel.POST.length()) : null;
        if (x == null || !post.group().model().derivatives().containsKey(x)
                || !(a.value() instanceof Expr.Bin add) || add.op() != Expr.BinOp.ADD
                || !(add.left() instanceof Expr.Var v) || !v.name().equals(a.target())) {
            return null;
        }
        Set<String> constant = new LinkedHashSet<>(model.parameters().keySet());
        constant.addAll(model.variables());
        if (!constant.containsAll(FreeVars.of(add.right()))) {
            return null;
        }
        Map<String, Double> env = new HashMap<>(model.parameters());
        double[] weights = new double[size()];
        Map<String, double[]> initial = new HashMap<>();
        for (String w : model.variables()) {
            initial.put(w, initial(w));
        }
        for (int s = 0; s < size(); s++) {
            for (String w : model.variables()) {
                env.put(w, initial.get(w)[s]);
            }
            weights[s] = Interpreter.eval(add.right(), env);
        }
        Projection.Builder b = Projection.builder(name, pre, post).csr(indptr, indices).weights(weights);
        // NEST's delivery into a membrane of its convention: added within the next update, dropped while refractory
        boolean nest = post.group().model().convention() == TimeConvention.NEST
                && x.equals(post.group().model().membrane()) && !post.group().isDynamic();
        return nest ? b.deltaTarget(x) : b.onVariable(x);
    }

    /**
     * A model {@link PostAligned} proves linear whose summed value is the post-synaptic group's
     * synaptic current: a channel of the group, its state advanced in the group's own step kernel.
     */
    private Projection.Builder fusedOrNull() {
        if (channel == null) {
            return null;
        }
        SynapseModel undelayed = new SynapseModel(model.name(), model.parameters(), model.variables(),
                model.clockDriven(), model.eventDriven(), model.onPre(), model.onPost(), model.summed(), null,
                model.postDelay(), model.method());
        return Projection.builder(name, pre, post).csr(indptr, indices)
                .weights(fused.weight() == null ? filled(1) : initial(fused.weight())).synapse(undelayed);
    }

    private double[] evaluate(String variable, Expr e) {
        return evaluate(stateNames().indexOf(variable), e);
    }

    /**
     * {@code e} for each synapse; its draws are keyed by the synapse on the stream of initial
     * values number {@code which} (a variable's place, or after them a pathway's delay).
     */
    private double[] evaluate(int which, Expr e) {
        List<RandomDraw> draws = new ArrayList<>();
        Expr numbered = numberDraws(e, draws, 0);
        RandomKey[] keys = new RandomKey[draws.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = new RandomKey(seed, 1 << 20 | stream << 10 | which, k);
        }
        Map<String, Double> env = new HashMap<>(model.parameters());
        double[] out = new double[size()];
        for (int i = 0; i < pre.size(); i++) {
            for (int s = indptr[i]; s < indptr[i + 1]; s++) {
                env.put("i", (double) i);
                env.put("j", (double) indices[s]);
                for (int k = 0; k < keys.length; k++) {
                    env.put(draws.get(k).name(), draws.get(k).distribution() == RandomDraw.Distribution.UNIFORM
                            ? Philox.uniform(keys[k], s) : Philox.normal(keys[k], s));
                }
                out[s] = Interpreter.eval(numbered, env);
            }
        }
        return out;
    }

    /** The streams of the draws of synaptic programs, apart from the groups' and the initial values'. */
    private static final int RUNTIME_STREAMS = 1 << 30;

    /** {@code e} with each {@code rand()} and {@code randn()} a draw of its own, added to {@code draws} on stream {@code firstStream + k}. */
    private static Expr numberDraws(Expr e, List<RandomDraw> draws, int firstStream) {
        if (e instanceof Expr.Var v && (v.name().equals(ExpressionParser.RAND) || v.name().equals(ExpressionParser.RANDN))) {
            String n = v.name() + "#" + draws.size();
            draws.add(new RandomDraw(n, v.name().equals(ExpressionParser.RAND) ? RandomDraw.Distribution.UNIFORM
                    : RandomDraw.Distribution.NORMAL, firstStream + draws.size()));
            return Exprs.var(n);
        }
        return Exprs.mapChildren(e, c -> numberDraws(c, draws, firstStream));
    }

    // ---- running ---------------------------------------------------------------------------------

    /** Sets each {@code (summed)} post-synaptic variable to the sum over the synapses onto each neuron. */
    void updateSummed(long step, double t, double dt) {
        summed.forEach((target, kernel) -> {
            if (merged == null) {
                Tensor whole = post.group().variable(target);
                Tensor part = whole.size() == post.size() ? whole : whole.slice(post.offset(), post.offset() + post.size());
                backend.copy(backend.zeros(part.dtype(), post.size()), part);
            }
            kernel.run(null, elements(), t, dt, step);
        });
    }

    /** What the clock-driven and summed programs run over: the synapses, or the post-synaptic neurons when merged. */
    private int elements() {
        return merged != null ? post.size() : size();
    }

    /** Advances the clock-driven equations by one step. */
    void updateClockDriven(long step, double t, double dt) {
        if (clockDriven != null) {
            clockDriven.run(null, elements(), t, dt, step);
        }
    }

    /** Runs {@code on_pre} for the synapses whose spikes (emitted {@code d} steps ago) arrive now. */
    void deliverPre(long step, double t, double dt) {
        if (alignPost != null) {
            alignPost.deliver(step, t);
            return;
        }
        if (merged != null) {
            Tensor arriving = pre.group().spikeList(step - mergedDelay);
            mergedJumpsT.forEach((x, add) -> backend.csrListAdd(arriving, pre.offset(), indptrT, indicesT, add,
                    tensors.get(x)));
            return;
        }
        deliver(onPre, rowsByDelay, pre, step, t, dt);
    }

    /** Runs {@code on_post} for the synapses whose post-synaptic spikes (emitted {@code d} steps ago) arrive now. */
    void deliverPost(long step, double t, double dt) {
        deliver(onPost, columnsByDelay, post, step, t, dt);
    }

    /** Runs {@code kernel} over the synapses that the group's spike list of each delay ago reaches, on the backend. */
    private void deliver(SynapticKernel kernel, Map<Integer, EventReach> byDelay, Population from, long step, double t,
                         double dt) {
        if (kernel == null) {
            return;
        }
        for (Map.Entry<Integer, EventReach> e : byDelay.entrySet()) {
            if (step - e.getKey() >= 0) {
                kernel.run(from.group().spikeList(step - e.getKey()), e.getValue(), t, dt, step);
            }
        }
    }

    void record(long step) {
        monitors.forEach(m -> m.record(step));
    }

    // ---- checks --------------------------------------------------------------------------------

    /** An initial value or delay reads only {@code i}, {@code j}, the parameters and draws. */
    private void requireInitialNames(String what, Expr expression) {
        Set<String> known = new LinkedHashSet<>(model.parameters().keySet());
        known.addAll(List.of("i", "j", ExpressionParser.RAND, ExpressionParser.RANDN));
        for (String read : FreeVars.of(expression)) {
            if (!known.contains(read)) {
                throw new UnknownNameException("name in " + what, read, known);
            }
        }
    }

    private double requireDelay(Pathway pathway, double d) {
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new SimulationException("synapses " + name + ": " + pathway.label + " delay " + d + " must be a finite"
                    + " time >= 0");
        }
        return d;
    }

    private void requireVariable(String variable) {
        if (!stateNames().contains(variable)) {
            throw new UnknownNameException("per-synapse variable of " + name, variable, stateNames());
        }
    }

    /** Every {@code x_pre} and {@code x_post} the model reads or writes is a variable of its group. */
    private void requireGroupVariables() {
        Set<String> names = new LinkedHashSet<>();
        List<Expr> all = new ArrayList<>(model.clockDriven().values());
        all.addAll(model.summed().values());
        for (List<Assign> body : List.of(model.onPre(), model.onPost())) {
            for (Assign a : body) {
                names.add(a.target());
                all.add(a.value());
            }
        }
        all.forEach(e -> names.addAll(FreeVars.of(e)));
        String current = post.group().model().current();
        model.summed().keySet().stream().filter(x -> !x.equals(current)).forEach(x -> names.add(x + SynapseModel.POST));
        if (drivenCurrentSymbol() != null) {
            String why = PostAligned.refusal(model);
            if (why != null) {
                throw new SimulationException("synapses " + name + " keep per-synapse state (" + why + "), so they cannot"
                        + " set " + post.group().name() + "'s synaptic current symbol " + current + ", which only a merged"
                        + " channel drives; set a per-neuron variable of its equations instead");
            }
        }
        for (String n : names) {
            if (model.variables().contains(n) || model.parameters().containsKey(n)) {
                continue;
            }
            for (Population p : List.of(pre, post)) {
                String suffix = p == pre ? SynapseModel.PRE : SynapseModel.POST;
                if (n.endsWith(suffix)) {
                    String x = n.substring(0, n.length() - suffix.length());
                    Set<String> known = p.group().variables();
                    if (!known.contains(x)) {
                        throw new UnknownNameException("variable of group " + p.group().name() + " (read by synapses "
                                + name + " as " + n + ")", x, known);
                    }
                }
            }
        }
    }

    private double[] filled(double v) {
        double[] a = new double[size()];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Override
    public String toString() {
        return "Synapses " + name + " (" + pre.name() + " -> " + post.name() + ", " + size() + " synapses)";
    }
}
