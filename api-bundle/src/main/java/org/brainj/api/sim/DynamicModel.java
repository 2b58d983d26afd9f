package org.brainj.api.sim;

import org.brainj.api.expr.Exprs;

/**
 * A neuron model whose step is Java code over the backend's operation sets, for what equations
 * cannot express: the reference's "general backend" {@code NeuGroup}, whose {@code update(_t, _dt)}
 * is written with {@code bp.ops}. A subclass declares its per-neuron state, parameters and
 * inputs in its constructor and writes {@link #update}; {@code new NeuronGroup("L", 100, model)}
 * then takes part in a network like any group: projection source (it writes {@code spike}) and
 * target (its channels' current arrives in the {@link #current} symbol's tensor, and
 * {@code onVariable} projections add to its state), monitors, inputs, reset, and
 * {@link Network#moveTo} (its tensors move; it must fetch them from the {@link GroupState} at
 * every step rather than keep them).
 *
 * <p>To the rest of the runtime the model is declared as a {@link NeuronModel} without
 * equations: its state variables are listed with derivative 0, which is never integrated,
 * because {@link #update} is the whole step.
 */
public abstract class DynamicModel {
    private final NeuronModel.Builder declared;

    protected DynamicModel(String name) {
        declared = NeuronModel.builder(name);
    }

    /** Declares a per-neuron state variable, set from {@code init} at the build and every reset. */
    protected final void state(String variable, Initializer init) {
        declared.derivative(variable, Exprs.num(0)).initial(variable, init);
    }

    /** Declares a parameter with its default; a group may override it per group or per neuron. */
    protected final void parameter(String parameter, double defaultValue) {
        declared.parameter(parameter, defaultValue);
    }

    /** Declares a per-neuron input variable (the reference's {@code input}), set back to 0 after every update. */
    protected final void input(String variable) {
        declared.input(variable);
    }

    /** The state variable conductance-based outputs read (default {@code V}). */
    protected final void membrane(String variable) {
        declared.membrane(variable);
    }

    /**
     * Names the per-neuron tensor that holds the total current of the group's synaptic channels,
     * computed from their state at the start of each step, before {@link #update} runs.
     */
    protected final void current(String symbol) {
        declared.current(symbol);
    }

    /**
     * Advances every neuron from {@code t} to {@code t + dt}: read and write the group's tensors
     * through {@code s} (state, parameters, inputs, the channels' current), and set
     * {@code s.spike()} to the neurons that fire in this step. Work with caller-supplied outputs
     * ({@link GroupState#temp}) so the loop allocates nothing.
     */
    protected abstract void update(GroupState s, double t, double dt);

    /** The model as the runtime sees it: names, defaults and initial values, no equations. */
    final NeuronModel declaration() {
        return declared.build();
    }
}
