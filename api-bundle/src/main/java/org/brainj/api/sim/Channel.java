package org.brainj.api.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Substitute;

/**
 * Post-synaptic state shared by every projection of one kind onto a group, advanced inside the
 * group's own step kernel (the reference's AlignPost projection and pre2post merging). A kinetic
 * channel is a synapse model {@link PostAligned} proved linear: its merged state variables, their
 * derivatives integrated by the model's {@code method}, what a spike adds per unit weight to each,
 * and the current its {@code (summed)} value drives into the group's synaptic current symbol. A
 * delta channel has no dynamics: spikes add to an event variable that the step adds to its target
 * variable once. Variables are named after the first projection that made the channel ({@code E2E_s}).
 */
record Channel(String prefix, Kind kind) {

    /**
     * What makes two projections share a channel: the same dynamics, jumps, output and target,
     * parameters folded in as numbers.
     *
     * @param derivatives {@code dx/dt} of the merged state, in local names; empty for a delta channel
     * @param method      the integration method of the derivatives (a {@link GroupIntegrator#method} name)
     * @param jumps       per unit weight, what a spike adds to each local variable it changes
     * @param current     the current the channel drives, of its local state, the group's own variables
     *                    ({@code v} for the model's {@code v_post}) and {@code t}; null for a delta channel
     * @param deltaTarget the group's variable a delta channel's events go to, or null
     */
    record Kind(Map<String, Expr> derivatives, String method, Map<String, Double> jumps, Expr current,
                String deltaTarget) {
        Kind {
            derivatives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derivatives));
            jumps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jumps));
        }
    }

    /** The local name of a delta channel's event variable. */
    private static final String DELTA_EVENTS = "g";

    /** Spikes adding their weight to the group's variable {@code target} once, in the group's step. */
    static Kind delta(String target) {
        return new Kind(Map.of(), null, Map.of(DELTA_EVENTS, 1.0), null, target);
    }

    /**
     * The merged form of {@code model} driving the group through the {@code (summed)} value it
     * sets on {@code target}: the proof's state, jumps and summed expression with the model's
     * parameters folded in, and the post-synaptic variables read by their group names.
     */
    static Kind kinetic(PostAligned proof, SynapseModel model, String target) {
        Expr summed = proof.summed().get(target);
        if (summed == null) {
            throw new SimulationException("synapse model " + model.name() + " sets no (summed) value on " + target
                    + "; it sets " + proof.summed().keySet());
        }
        Map<String, Expr> values = new LinkedHashMap<>();
        model.parameters().forEach((p, v) -> values.put(p, Exprs.num(v)));
        Map<String, Expr> derivatives = new LinkedHashMap<>();
        for (String x : proof.state()) {
            derivatives.put(x, Simplify.of(Substitute.of(model.clockDriven().get(x), values)));
        }
        Map<String, Double> jumps = new LinkedHashMap<>();
        proof.jumps().forEach((x, c) -> jumps.put(x, Interpreter.eval(c, model.parameters())));
        Map<String, Expr> post = new LinkedHashMap<>(values);
        for (String n : FreeVars.of(summed)) {
            if (n.endsWith(SynapseModel.POST)) {
                post.put(n, Exprs.var(n.substring(0, n.length() - SynapseModel.POST.length())));
            }
        }
        Expr current = Simplify.of(Substitute.of(summed, post));
        return new Kind(derivatives, model.method(), jumps, current, null);
    }

    boolean isDelta() {
        return kind.deltaTarget() != null;
    }

    String variable(String local) {
        return prefix + "_" + local;
    }

    /** The channel's per-neuron variables in the group's names: its state, or a delta channel's event variable. */
    List<String> variables() {
        return (isDelta() ? kind.jumps().keySet() : kind.derivatives().keySet()).stream().map(this::variable).toList();
    }

    /** The variables spikes add to, in the group's names, with what they add per unit weight. */
    Map<String, Double> eventVariables() {
        Map<String, Double> out = new LinkedHashMap<>();
        kind.jumps().forEach((x, c) -> out.put(variable(x), c));
        return out;
    }

    /** A delta channel's event variable. */
    String deltaEvents() {
        return variable(DELTA_EVENTS);
    }

    /** The channel's derivatives in the group's names. */
    Map<String, Expr> derivatives() {
        Map<String, Expr> out = new LinkedHashMap<>();
        kind.derivatives().forEach((local, rhs) -> out.put(variable(local), Substitute.of(rhs, renaming())));
        return out;
    }

    /** The integrator of the channel's state: the synapse model's method. */
    GroupIntegrator integrator() {
        return GroupIntegrator.method(kind.method());
    }

    /** The current this channel adds to the group's synaptic current symbol, from its state at the start of the step. */
    Expr current() {
        return Substitute.of(kind.current(), renaming());
    }

    /** The group's variables the current reads besides the channel's own state and time. */
    java.util.Set<String> currentReads() {
        java.util.Set<String> read = new java.util.LinkedHashSet<>(FreeVars.of(kind.current()));
        read.removeAll(kind.derivatives().keySet());
        read.removeAll(Equations.TIME);
        return read;
    }

    private Map<String, Expr> renaming() {
        Map<String, Expr> rename = new LinkedHashMap<>();
        kind.derivatives().keySet().forEach(local -> rename.put(local, Exprs.var(variable(local))));
        return rename;
    }
}
