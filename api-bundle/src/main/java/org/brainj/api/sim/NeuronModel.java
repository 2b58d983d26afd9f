package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Statement;
import org.brainj.api.program.Assign;

/**
 * A point-neuron model as equations: what a {@link NeuronGroup} compiles into one kernel.
 *
 * @param name             the model's name ({@code LIF}, {@code HH}, ...)
 * @param subexpressions   named expressions, in order, that derivatives, threshold and reset may read
 * @param derivatives      {@code dx/dt} for each state variable, in order
 * @param parameters       parameter defaults; a group may override any, per group or per neuron
 * @param initial          initial values of state variables (missing ones start at 0)
 * @param inputs           per-neuron input variables (the reference's {@code input}): inputs
 *                         write into them before the update, which reads them and sets them back to 0
 * @param threshold        the spike condition, or null for a model that never spikes
 * @param crossing         whether a spike needs the condition to become true in the step (false
 *                         at its start), as for HH's upward crossing of a voltage
 * @param reset            assignments applied, in order, to the neurons that spiked
 * @param refractory       the parameter holding the refractory period, or null for none
 * @param unlessRefractory state variables frozen while refractory (Brian2's {@code (unless refractory)})
 * @param membrane         the membrane potential, which conductance-based outputs read
 * @param current          the symbol in the equations that stands for the total synaptic
 *                         current of the group's projections (0 when none), or null
 * @param uniforms         names of per-neuron uniform numbers in [0, 1), drawn afresh each step
 *                         (a Poisson source's threshold {@code u < rate * dt})
 * @param jumps            per state variable, an amount added in every step after the integration
 *                         (like a delta synapse's input, dropped while the variable is frozen by
 *                         refractoriness), evaluated on the values at the start of the step
 * @param convention       whose spike stamp and refractory count the model's groups keep:
 *                         Brian2's, or NEST's for a model under a NEST name
 */
public record NeuronModel(String name, List<Assign> subexpressions, Map<String, Expr> derivatives,
                          Map<String, Double> parameters, Map<String, Initializer> initial, Set<String> inputs,
                          Expr threshold, boolean crossing, List<Assign> reset, String refractory, Set<String> unlessRefractory,
                          String membrane, String current, List<String> uniforms, Map<String, Expr> jumps,
                          TimeConvention convention) {

    public NeuronModel {
        subexpressions = List.copyOf(subexpressions);
        derivatives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(derivatives));
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        initial = Map.copyOf(initial);
        inputs = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(inputs));
        reset = List.copyOf(reset);
        unlessRefractory = Set.copyOf(unlessRefractory);
        uniforms = List.copyOf(uniforms);
        jumps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(jumps));
        java.util.Objects.requireNonNull(convention, "convention");
        for (String v : jumps.keySet()) {
            if (!derivatives.containsKey(v)) {
                throw new SimulationException("model " + name + ": a jump of '" + v + "', which is not a state variable;"
                        + " state variables: " + derivatives.keySet());
            }
        }
        if (refractory != null && !parameters.containsKey(refractory)) {
            throw new SimulationException("model " + name + ": refractory parameter '" + refractory
                    + "' is not among its parameters " + parameters.keySet());
        }
        for (String v : unlessRefractory) {
            if (!derivatives.containsKey(v)) {
                throw new SimulationException("model " + name + ": '" + v + "' is marked (unless refractory) but is"
                        + " not a state variable; state variables: " + derivatives.keySet());
            }
        }
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** This model with other parameter defaults; a name it does not have is refused. */
    public NeuronModel with(Map<String, Double> values) {
        Map<String, Double> merged = new LinkedHashMap<>(parameters);
        values.forEach((p, v) -> {
            if (!parameters.containsKey(p)) {
                throw new org.brainj.api.UnknownNameException("parameter of " + name, p, parameters.keySet());
            }
            merged.put(p, v);
        });
        return new NeuronModel(name, subexpressions, derivatives, merged, initial, inputs, threshold, crossing, reset,
                refractory, unlessRefractory, membrane, current, uniforms, jumps, convention);
    }

    /** A builder holding this model, to extend it (more inputs, jumps, draws). */
    public Builder toBuilder() {
        Builder b = builder(name);
        subexpressions.forEach(a -> b.subexpression(a.target(), a.value()));
        derivatives.forEach(b::derivative);
        parameters.forEach(b::parameter);
        initial.forEach(b::initial);
        inputs.forEach(b::input);
        uniforms.forEach(b::uniform);
        jumps.forEach(b::jump);
        b.threshold = threshold;
        b.crossing = crossing;
        reset.forEach(a -> b.reset(a.target(), a.value()));
        b.refractory = refractory;
        b.unlessRefractory.addAll(unlessRefractory);
        b.current = current;
        b.convention = convention;
        return b.membrane(membrane);
    }

    /** The state variables, in order. */
    public Set<String> stateVariables() {
        return derivatives.keySet();
    }

    /** Assembles a model statement by statement. */
    public static final class Builder {
        private final String name;
        private final List<Assign> subexpressions = new ArrayList<>();
        private final Map<String, Expr> derivatives = new LinkedHashMap<>();
        private final Map<String, Double> parameters = new LinkedHashMap<>();
        private final Map<String, Initializer> initial = new LinkedHashMap<>();
        private final Set<String> inputs = new LinkedHashSet<>();
        private final List<Assign> reset = new ArrayList<>();
        private final Set<String> unlessRefractory = new LinkedHashSet<>();
        private Expr threshold;
        private boolean crossing;
        private String refractory;
        private String membrane = "V";
        private String current;
        private final List<String> uniforms = new ArrayList<>();
        private final Map<String, Expr> jumps = new LinkedHashMap<>();
        private TimeConvention convention = TimeConvention.BRIAN2;

        private Builder(String name) {
            this.name = name;
        }

        public Builder subexpression(String variable, Expr value) {
            subexpressions.add(new Assign(variable, value));
            return this;
        }

        public Builder derivative(String variable, Expr rhs) {
            derivatives.put(variable, rhs);
            return this;
        }

        public Builder parameter(String parameter, double defaultValue) {
            parameters.put(parameter, defaultValue);
            return this;
        }

        public Builder initial(String variable, Initializer init) {
            initial.put(variable, init);
            return this;
        }

        public Builder input(String variable) {
            inputs.add(variable);
            return this;
        }

        public Builder threshold(Expr condition) {
            threshold = condition;
            crossing = false;
            return this;
        }

        /** A spike when {@code condition} becomes true during a step (it was false at the start). */
        public Builder thresholdCrossing(Expr condition) {
            threshold = condition;
            crossing = true;
            return this;
        }

        public Builder reset(String variable, Expr value) {
            reset.add(new Assign(variable, value));
            return this;
        }

        /** Refractory for the period held in {@code parameter}, freezing {@code frozen} meanwhile. */
        public Builder refractory(String parameter, String... frozen) {
            refractory = parameter;
            unlessRefractory.addAll(List.of(frozen));
            return this;
        }

        /** Whose spike stamp and refractory count the groups keep; Brian2's unless set. */
        public Builder convention(TimeConvention convention) {
            this.convention = convention;
            return this;
        }

        public Builder membrane(String variable) {
            membrane = variable;
            return this;
        }

        public Builder current(String symbol) {
            current = symbol;
            return this;
        }

        /** Adds {@code amount} to state variable {@code variable} in every step (see {@link NeuronModel#jumps}). */
        public Builder jump(String variable, Expr amount) {
            jumps.merge(variable, amount, org.brainj.api.expr.Exprs::add);
            return this;
        }

        /** A uniform number in [0, 1) per neuron and step, readable under {@code name}. */
        public Builder uniform(String name) {
            uniforms.add(name);
            return this;
        }

        /**
         * The statements of Brian2-style equation text: differential equations become state
         * variables (with their {@code (unless refractory)} flags), subexpressions stay named
         * expressions, and per-element declarations ({@code I : 1}) become parameters with
         * default 0 that a group may set per neuron. Units in the text are checked by the
         * equations; numbers given to the builder are in the units the text uses.
         */
        public Builder equations(String text) {
            Equations eqs = Equations.parse(text);
            for (Statement st : eqs.statements()) {
                switch (st.kind()) {
                    case DIFFERENTIAL -> {
                        derivative(st.variable(), st.rhs());
                        if (st.hasFlag("unless refractory")) {
                            unlessRefractory.add(st.variable());
                        }
                    }
                    case SUBEXPRESSION -> subexpression(st.variable(), st.rhs());
                    case PARAMETER -> parameters.putIfAbsent(st.variable(), 0.0);
                }
            }
            return this;
        }

        /** {@link #refractory(String, String...)} keeping the variables the equations flag {@code (unless refractory)}. */
        public Builder refractory(String parameter) {
            refractory = parameter;
            return this;
        }

        public NeuronModel build() {
            return new NeuronModel(name, subexpressions, derivatives, parameters, initial, inputs, threshold, crossing, reset,
                    refractory, unlessRefractory, membrane, current, uniforms, jumps, convention);
        }
    }
}
