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

    /** Streams per group: the integrator's noise first, the model's uniforms from the middle. */
    static final int STREAMS_PER_GROUP = 64;

    private StepProgram build(NeuronModel model, List<Channel> channels, GroupIntegrator integrator, int firstStream,
                              Set<String> shared) {
        Map<String, Expr> derivatives = new LinkedHashMap<>(model.derivatives());
        List<Channel> deltas = new ArrayList<>();
        Expr synapticCurrent = num(0);
        for (Channel ch : channels) {
            if (ch.isDelta()) {
                deltas.add(ch);
            } else {
                derivatives.putAll(ch.derivatives());
                synapticCurrent = add(synapticCurrent, ch.current(var(model.membrane())));
            }
        }
        Map<String, Expr> currentSymbol = model.current() == null ? Map.of() : Map.of(model.current(), synapticCurrent);
        List<Assign> subexpressions = model.subexpressions().stream()
                .map(a -> new Assign(a.target(), Substitute.of(a.value(), currentSymbol))).toList();
        // threshold and reset may read subexpressions too: resolved to closed form, as the integrators take them
        Map<String, Expr> resolved = new HashMap<>();
        subexpressions.forEach(a -> resolved.put(a.target(), Substitute.of(a.value(), resolved)));
        Map<String, Expr> rhs = new LinkedHashMap<>();
        derivatives.forEach((x, f) -> rhs.put(x, Substitute.of(f, currentSymbol)));

        // a source without dynamics (Poisson, spike times) has nothing to integrate
        StepProgram integrated = rhs.isEmpty() ? new StepProgram(List.of(), Set.of(), Set.of(), List.of())
                : integrator.integrate(subexpressions, rhs, firstStream);
        for (Assign a : integrated.body()) {
            if (rhs.containsKey(a.target())) {
                set(a.target(), a.value());
            } else {
                body.add(a);
            }
        }
        for (Channel ch : deltas) {
            set(ch.target(), add(now(ch.target()), var(ch.eventVariable())));
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
        if (model.threshold() != null) {
            Expr threshold = Substitute.of(model.threshold(), resolved);
            Expr condition = Substitute.of(threshold, newest());
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
        }

        Set<String> state = new LinkedHashSet<>(rhs.keySet());
        for (String x : rhs.keySet()) {
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
            state.add(ch.eventVariable());
            body.add(new Assign(ch.eventVariable(), num(0)));
        }
        for (String in : model.inputs()) {
            state.add(in);
            body.add(new Assign(in, num(0)));
        }
        List<RandomDraw> noise = new ArrayList<>(integrated.noise());
        for (int k = 0; k < model.uniforms().size(); k++) {
            noise.add(new RandomDraw(model.uniforms().get(k), RandomDraw.Distribution.UNIFORM,
                    firstStream + STREAMS_PER_GROUP / 2 + k));
        }
        // the kernel lists the neurons that spiked, so delivery and monitors follow the spikes
        return new StepProgram(InvariantDivision.of(body, shared), state, withPropagators(model.parameters().keySet(),
                integrated), noise, spiked == null ? null : SPIKE, integrated.propagators());
    }

    /**
     * The step of a Java-defined group's synaptic channels, run before its update: the current
     * symbol gets the channels' total current from their state and the membrane at the start of
     * the step, then the channels' state is integrated. Empty when the group has no channels.
     */
    static StepProgram channels(NeuronModel model, List<Channel> channels, GroupIntegrator integrator, int firstStream) {
        Map<String, Expr> rhs = new LinkedHashMap<>();
        Expr current = num(0);
        for (Channel ch : channels) {
            rhs.putAll(ch.derivatives());
            current = add(current, ch.current(var(model.membrane())));
        }
        if (rhs.isEmpty()) {
            return new StepProgram(List.of(), Set.of(), Set.of(), List.of());
        }
        List<Assign> body = new ArrayList<>();
        body.add(new Assign(model.current(), current));
        StepProgram integrated = integrator.integrate(List.of(), rhs, firstStream);
        body.addAll(integrated.body());
        Set<String> state = new LinkedHashSet<>(rhs.keySet());
        state.add(model.current());
        Set<String> params = withPropagators(model.parameters().keySet(), integrated);
        if (model.stateVariables().contains(model.membrane())) {
            params.add(model.membrane());
        }
        return new StepProgram(body, state, params, integrated.noise(), null, integrated.propagators());
    }

    /** {@code parameters} and the entries of the integrator's propagators, which the body reads as parameters too. */
    private static Set<String> withPropagators(Set<String> parameters, StepProgram integrated) {
        Set<String> params = new LinkedHashSet<>(parameters);
        integrated.propagators().forEach(p -> p.entries().forEach(e -> params.add(e.parameter())));
        return params;
    }

    /** Whether a state variable is the step's bookkeeping (spike flag, last spike, inputs, delta accumulators). */
    static boolean isBookkeeping(String x, NeuronModel model, List<Channel> channels) {
        return x.equals(SPIKE) || x.equals(LAST_SPIKE) || model.inputs().contains(x)
                || channels.stream().anyMatch(ch -> ch.isDelta() && ch.eventVariable().equals(x));
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
