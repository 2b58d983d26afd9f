package org.brainj.api.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Substitute;
import org.brainj.api.program.Assign;

/**
 * A synapse model proven to act exactly as state held per post-synaptic neuron (the
 * reference's AlignPost merging), so {@link Synapses} runs it without per-synapse state. The
 * proof, from the IR's symbolic derivatives: every clock-driven variable {@code x} obeys
 * {@code dx/dt = A x} with {@code A} reading only shared parameters; {@code on_pre} only adds
 * expressions of parameters to them; nothing else is written ({@code w} never changes, there is
 * no {@code on_post} and no event-driven variable); and every {@code (summed)} value is
 * {@code w * sum_x F_x x} with one per-synapse weight {@code w} (or none) and factors {@code F_x}
 * of parameters and post-synaptic variables only. Then {@code X_j = sum_k w_k x_k} over the
 * synapses onto neuron {@code j} obeys the same linear equations, jumps by {@code w_k c} where
 * a synapse's {@code x} jumps by {@code c}, and the summed value is {@code sum_x F_x X_j}:
 * any of the integrators, being linear maps for linear equations, advances the sum as it
 * advances each term, so the merged run equals the per-synapse run up to rounding.
 *
 * @param state  the clock-driven variables, each now held per post-synaptic neuron, in the order written
 * @param weight the per-synapse variable that scales every synapse's effect, or null when it is 1
 * @param jumps  what one spike adds, per unit weight, to each state variable it changes: expressions of parameters
 * @param summed each {@code (summed)} post-synaptic variable as an expression of the merged state,
 *               post-synaptic variables ({@code v_post}) and parameters
 */
public record PostAligned(List<String> state, String weight, Map<String, Expr> jumps, Map<String, Expr> summed) {
    public PostAligned {
        state = List.copyOf(state);
        jumps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jumps));
        summed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(summed));
    }

    /** The merged form of {@code model}, or empty when the proof fails ({@link #refusal} says why). */
    public static Optional<PostAligned> of(SynapseModel model) {
        try {
            return Optional.of(new Prover(model).run());
        } catch (Refused r) {
            return Optional.empty();
        }
    }

    /** Why {@code model} keeps per-synapse state, or null when it merges. */
    public static String refusal(SynapseModel model) {
        try {
            new Prover(model).run();
            return null;
        } catch (Refused r) {
            return r.getMessage();
        }
    }

    /** A failed step of the proof; its message says which. */
    private static final class Refused extends RuntimeException {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private static final class Prover {
        private final SynapseModel model;
        private final Set<String> parameters;
        private final List<String> state;
        /** The per-synapse variables no equation changes: the weight, or others that must then be unread. */
        private final Set<String> constants = new LinkedHashSet<>();
        private String weight;
        private boolean weightFixed;

        Prover(SynapseModel model) {
            this.model = model;
            this.parameters = model.parameters().keySet();
            this.state = List.copyOf(model.clockDriven().keySet());
            constants.addAll(model.variables());
            constants.removeAll(state);
        }

        PostAligned run() {
            require(model.onPost().isEmpty(), "it has on_post statements, which run per synapse");
            require(model.eventDriven().isEmpty(), "its event-driven variables " + model.eventDriven().keySet()
                    + " are advanced per synapse from each synapse's own last event");
            require(!state.isEmpty(), "it has no clock-driven state to merge");
            require(!model.summed().isEmpty(), "it has no (summed) output");
            model.clockDriven().forEach(this::linearHomogeneous);
            Map<String, Expr> jumps = new LinkedHashMap<>();
            for (Assign a : model.onPre()) {
                jumps.merge(a.target(), jump(a), Exprs::add);
            }
            Map<String, Expr> summed = new LinkedHashMap<>();
            model.summed().forEach((target, e) -> summed.put(target, output(target, e)));
            return new PostAligned(state, weight, jumps, summed);
        }

        /** {@code dx/dt = A x}: coefficients of shared parameters, no term without state. */
        private void linearHomogeneous(String x, Expr f) {
            Set<String> read = new LinkedHashSet<>(FreeVars.of(f));
            read.removeAll(state);
            read.removeAll(parameters);
            require(read.isEmpty(), "d" + x + "/dt reads " + read + ", so its coefficients are not shared by all synapses");
            for (String y : state) {
                Set<String> coefficient = FreeVars.of(Simplify.of(Derivative.of(f, y)));
                require(parameters.containsAll(coefficient), "d" + x + "/dt is not linear in " + y);
            }
            require(Interpreter.eval(atZeroState(f), model.parameters()) == 0, "d" + x + "/dt has a term without state,"
                    + " which a sum over the synapses would count once per synapse");
        }

        /** {@code x = x + c}, {@code c} of parameters: the constant a spike adds to {@code x}. */
        private Expr jump(Assign a) {
            String x = a.target();
            require(state.contains(x), "on_pre writes " + x + ", which is not a clock-driven variable"
                    + (constants.contains(x) ? " (a weight that changes)" : " (a group's variable)"));
            Set<String> read = new LinkedHashSet<>(FreeVars.of(a.value()));
            read.remove(x);
            read.removeAll(parameters);
            require(read.isEmpty(), "on_pre sets " + x + " from " + read + ", not from " + x + " and parameters");
            require(Exprs.isConst(Simplify.of(Derivative.of(a.value(), x)), 1), "on_pre sets " + x + " to more than "
                    + x + " plus a constant");
            return Simplify.of(Substitute.of(a.value(), x, Exprs.num(0)));
        }

        /** {@code e = w sum_x F_x x}: the merged expression {@code sum_x F_x X}. */
        private Expr output(String target, Expr e) {
            for (String n : FreeVars.of(e)) {
                // what the merged sum may read besides state and weight: values shared by all synapses onto a neuron
                require(state.contains(n) || constants.contains(n) || parameters.contains(n) || Equations.TIME.contains(n)
                        || n.endsWith(SynapseModel.POST), target + "_post reads " + n + ", which differs per synapse");
            }
            require(Exprs.isConst(Simplify.of(atZeroState(e)), 0), target + "_post has a term without state");
            Expr merged = Exprs.num(0);
            for (String x : state) {
                Expr d = Simplify.of(Derivative.of(e, x));
                if (Exprs.isConst(d, 0)) {
                    continue;
                }
                Set<String> read = FreeVars.of(d);
                require(read.stream().noneMatch(state::contains), target + "_post is not linear in " + x);
                Set<String> perSynapse = new LinkedHashSet<>(read);
                perSynapse.retainAll(constants);
                require(perSynapse.size() <= 1, target + "_post scales " + x + " by several per-synapse variables "
                        + perSynapse);
                String w = perSynapse.isEmpty() ? null : perSynapse.iterator().next();
                require(!weightFixed || java.util.Objects.equals(w, weight), target + "_post weighs its terms by"
                        + " different per-synapse variables (" + weight + ", " + w + ")");
                weight = w;
                weightFixed = true;
                Expr factor = d;
                if (w != null) {
                    factor = Simplify.of(Derivative.of(d, w));
                    require(FreeVars.of(factor).stream().noneMatch(constants::contains)
                            && Exprs.isConst(Simplify.of(Substitute.of(d, w, Exprs.num(0))), 0),
                            target + "_post is not proportional to " + w + " in its " + x + " term");
                }
                merged = Exprs.add(merged, Exprs.mul(factor, Exprs.var(x)));
            }
            return Simplify.of(merged);
        }

        private Expr atZeroState(Expr e) {
            Map<String, Expr> zero = new HashMap<>();
            state.forEach(x -> zero.put(x, Exprs.num(0)));
            return Substitute.of(e, zero);
        }

        private static void require(boolean holds, String why) {
            if (!holds) {
                throw new Refused(why);
            }
        }
    }
}
