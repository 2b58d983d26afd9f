package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;
import static org.brainj.api.expr.Exprs.var;
import static org.brainj.api.sim.Flags.flag;
import static org.brainj.api.sim.Flags.isSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.Substitute;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Propagator;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;

/**
 * Assembles a group's whole step as one program: integration, event inputs of delta channels,
 * refractoriness, threshold, reset, last-spike time. Each stage writes fresh locals, and the
 * state tensors are written once at the end, so the kernel is a single pass per neuron.
 */
final class GroupStep {
    static final String SPIKE = "spike";
    static final String LAST_SPIKE = "t_last_spike";

    private final List<Assign> body = new ArrayList<>();
    /** The local holding each state variable's newest value. */
    private final Map<String, String> current = new HashMap<>();
    private int fresh;

    private GroupStep() {
    }

    /**
     * @param model      the neuron model
     * @param channels   post-synaptic channels of the group's incoming projections
     * @param integrator how the derivatives are integrated
     * @param shared     the parameters held as one number for the whole group
     */
    static StepProgram assemble(NeuronModel model, List<Channel> channels, GroupIntegrator integrator, int firstStream,
                                Set<String> shared) {
        return new GroupStep().build(model, channels, integrator, firstStream, shared);
    }

    /**
     * Streams per group: the integrator's noise first, the model's uniforms from the middle, the
     * geometric gaps of a uniform drawn as gaps a quarter further on.
     */
    static final int STREAMS_PER_GROUP = 64;

    private StepProgram build(NeuronModel model, List<Channel> channels, GroupIntegrator integrator, int firstStream,
                              Set<String> shared) {
        List<Channel> deltas = channels.stream().filter(Channel::isDelta).toList();
        List<Channel> kinetic = channels.stream().filter(ch -> !ch.isDelta()).toList();
        // an exact integrator solves the channels with the membrane as one linear system; otherwise each
        // channel advances by its model's method and drives the neuron with its current at the start of
        // the step (Brian2's summed values)
        Map<String, Expr> joined = new LinkedHashMap<>();
        if (integrator.isExact()) {
            kinetic.forEach(ch -> joined.putAll(ch.derivatives()));
        }
        Map<String, Expr> currentSymbol = model.current() == null ? Map.of() : Map.of(model.current(), current(kinetic));
        List<Assign> subexpressions = model.subexpressions().stream()
                .map(a -> new Assign(a.target(), Substitute.of(a.value(), currentSymbol))).toList();
        // threshold and reset may read subexpressions too: resolved to closed form, as the integrators take them
        Map<String, Expr> resolved = new HashMap<>();
        subexpressions.forEach(a -> resolved.put(a.target(), Substitute.of(a.value(), resolved)));
        Map<String, Expr> rhs = new LinkedHashMap<>();
        model.derivatives().forEach((x, f) -> rhs.put(x, Substitute.of(f, currentSymbol)));
        rhs.putAll(joined);

        // a source without dynamics (Poisson, spike times) has nothing to integrate
        StepProgram integrated = rhs.isEmpty() ? new StepProgram(List.of(), Set.of(), Set.of(), List.of())
                : integrator.integrate(subexpressions, rhs, firstStream);
        List<Propagator> propagators = new ArrayList<>(integrated.propagators());
        Set<String> state = new LinkedHashSet<>(rhs.keySet());
        take(integrated, rhs.keySet(), false);
        // each channel's state advances by its synapse model's method, from the values at the start of the step
        for (Channel ch : integrator.isExact() ? List.<Channel>of() : kinetic) {
            Map<String, Expr> d = ch.derivatives();
            StepProgram p = ch.integrator().integrate(List.of(), d, firstStream);
            take(p, d.keySet(), true);
            propagators.addAll(p.propagators());
            state.addAll(d.keySet());
        }
        for (Channel ch : deltas) {
            String x = ch.kind().deltaTarget();
            set(x, add(now(x), var(ch.deltaEvents())));
        }
        model.jumps().forEach((x, amount) -> set(x, add(now(x), Substitute.of(amount, resolved))));
        Expr notRefractory = null;
        if (model.refractory() != null) {
            // free once the steps since the spike's stamp reach the convention's count; t - t_last
            // is a whole number of steps up to rounding, hence half a step of slack
            String flag = local("not_refractory");
            Expr steps = model.convention().refractorySteps(div(var(model.refractory()), var("dt")));
            body.add(new Assign(flag, flag(new Cmp(CmpOp.GE, sub(var("t"), var(LAST_SPIKE)),
                    mul(sub(steps, num(0.5)), var("dt"))))));
            notRefractory = isSet(flag);
            for (String x : model.unlessRefractory()) {
                set(x, new Where(notRefractory, now(x), var(x)));
            }
        }
        String spiked = null;
        GeometricGaps gaps = null;
        GeometricGaps.Names gapLocals = null;
        if (model.threshold() != null) {
            Expr threshold = Substitute.of(model.threshold(), resolved);
            gaps = GeometricGaps.of(model, threshold);
            Expr condition;
            if (gaps != null) {
                gapLocals = new GeometricGaps.Names(local("spike_p"), local("stale"));
                condition = gaps.spikes(body, gapLocals);
            } else {
                condition = Substitute.of(threshold, newest());
            }
            if (model.crossing()) {
                condition = new Logic(LogicOp.AND, condition, new Expr.Not(threshold));
            }
            if (notRefractory != null) {
                condition = new Logic(LogicOp.AND, condition, notRefractory);
            }
            spiked = local("spiked");
            body.add(new Assign(spiked, flag(condition)));
            for (Assign r : model.reset()) {
                set(r.target(), new Where(isSet(spiked), Substitute.of(Substitute.of(r.value(), resolved), newest()),
                        now(r.target())));
            }
            if (gaps != null) {
                body.addAll(gaps.redraw(spiked, gapLocals));
                state.add(GeometricGaps.NEXT_SPIKE);
                state.add(GeometricGaps.DRAWN_FOR);
            }
        }

        for (String x : List.copyOf(state)) {
            if (!current.getOrDefault(x, x).equals(x)) {
                body.add(new Assign(x, var(current.get(x))));
            }
        }
        if (spiked != null || notRefractory != null) {
            state.add(LAST_SPIKE);
        }
        // a group without a threshold never spikes: its flags stay as reset, not rewritten every step
        if (spiked != null) {
            state.add(SPIKE);
            body.add(new Assign(SPIKE, var(spiked)));
            // the spike carries the time at the start of the step (Brian2's) or at its end (NEST's)
            int stamp = model.convention().stampSteps();
            Expr time = stamp == 0 ? var("t") : add(var("t"), mul(num(stamp), var("dt")));
            body.add(new Assign(LAST_SPIKE, new Where(isSet(spiked), time, var(LAST_SPIKE))));
        }
        for (Channel ch : deltas) {
            state.add(ch.deltaEvents());
            body.add(new Assign(ch.deltaEvents(), num(0)));
        }
        for (String in : model.inputs()) {
            state.add(in);
            body.add(new Assign(in, num(0)));
        }
        List<RandomDraw> noise = new ArrayList<>(integrated.noise());
        for (int k = 0; k < model.uniforms().size(); k++) {
            int uniformStream = firstStream + STREAMS_PER_GROUP / 2 + k;
            if (gaps != null && gaps.uniform().equals(model.uniforms().get(k))) {
                noise.addAll(gaps.draws(uniformStream, uniformStream + STREAMS_PER_GROUP / 4));
            } else {
                noise.add(new RandomDraw(model.uniforms().get(k), RandomDraw.Distribution.UNIFORM, uniformStream));
            }
        }
        // the kernel lists the neurons that spiked, so delivery and monitors follow the spikes
        return new StepProgram(SharedExponentials.of(InvariantDivision.of(body, shared), shared), state, withPropagators(model.parameters().keySet(),
                propagators), noise, spiked == null ? null : SPIKE, propagators);
    }

    /**
     * The step of a Java-defined group's synaptic channels, run before its update: the current
     * symbol gets the channels' total current from their state and the membrane at the start of
     * the step, then each channel's state advances by its synapse model's method. Empty when the
     * group has no channels.
     */
    static StepProgram channels(NeuronModel model, List<Channel> channels, int firstStream) {
        if (channels.isEmpty()) {
            return new StepProgram(List.of(), Set.of(), Set.of(), List.of());
        }
        GroupStep step = new GroupStep();
        step.body.add(new Assign(model.current(), current(channels)));
        Set<String> state = new LinkedHashSet<>();
        List<Propagator> propagators = new ArrayList<>();
        List<RandomDraw> noise = new ArrayList<>();
        for (Channel ch : channels) {
            Map<String, Expr> d = ch.derivatives();
            StepProgram integrated = ch.integrator().integrate(List.of(), d, firstStream);
            step.take(integrated, d.keySet(), true);
            propagators.addAll(integrated.propagators());
            noise.addAll(integrated.noise());
            state.addAll(d.keySet());
        }
        // the state is written once, last, from its newest local
        state.forEach(x -> step.body.add(new Assign(x, var(step.current.get(x)))));
        state.add(model.current());
        Set<String> params = withPropagators(model.parameters().keySet(), propagators);
        if (model.stateVariables().contains(model.membrane())) {
            params.add(model.membrane());
        }
        return new StepProgram(step.body, state, params, noise, null, propagators);
    }

    /** The channels' total current, from their state at the start of the step. */
    private static Expr current(List<Channel> kinetic) {
        Expr total = num(0);
        for (Channel ch : kinetic) {
            total = add(total, ch.current());
        }
        return total;
    }

    /**
     * An integrated program's body: each state update of {@code variables} to a fresh local; with
     * {@code renameTemporaries}, its temporaries too, so that programs of several integrators (the
     * group's and its channels', which name theirs alike: {@code z}) each write their own.
     */
    private void take(StepProgram integrated, Set<String> variables, boolean renameTemporaries) {
        Map<String, Expr> renamed = new HashMap<>();
        for (Assign a : integrated.body()) {
            Expr value = Substitute.of(a.value(), renamed);
            if (variables.contains(a.target())) {
                set(a.target(), value);
            } else if (renameTemporaries) {
                String name = local(a.target());
                body.add(new Assign(name, value));
                renamed.put(a.target(), var(name));
            } else {
                body.add(new Assign(a.target(), value));
            }
        }
    }

    /** {@code parameters} and the entries of the integrator's propagators, which the body reads as parameters too. */
    private static Set<String> withPropagators(Set<String> parameters, List<Propagator> propagators) {
        Set<String> params = new LinkedHashSet<>(parameters);
        propagators.forEach(p -> p.entries().forEach(e -> params.add(e.parameter())));
        return params;
    }

    /** Whether a state variable is the step's bookkeeping (spike flag, last spike, inputs, delta accumulators). */
    static boolean isBookkeeping(String x, NeuronModel model, List<Channel> channels) {
        return x.equals(SPIKE) || x.equals(LAST_SPIKE) || GeometricGaps.owns(x) || model.inputs().contains(x)
                || channels.stream().anyMatch(ch -> ch.isDelta() && ch.deltaEvents().equals(x));
    }

    private Expr now(String x) {
        return var(current.getOrDefault(x, x));
    }

    private Map<String, Expr> newest() {
        Map<String, Expr> m = new HashMap<>();
        current.forEach((x, local) -> m.put(x, var(local)));
        return m;
    }

    private void set(String x, Expr value) {
        String name = local(x);
        body.add(new Assign(name, value));
        current.put(x, name);
    }

    private String local(String base) {
        return base + "__" + (fresh++);
    }
}
