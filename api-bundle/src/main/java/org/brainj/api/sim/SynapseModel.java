package org.brainj.api.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.Assign;

/**
 * A synapse model as equations, with Brian2's semantics ({@code Synapses(model, on_pre,
 * on_post)}), in the IR a backend compiles: every name is a per-synapse variable, a parameter,
 * {@code t}, {@code dt}, or a variable of the pre- or post-synaptic group written {@code x_pre}
 * or {@code x_post}. Numbers are in the {@link org.brainj.api.units.Coherent} system (ms, mV, nA).
 * {@code org.brainj.api.model.SynapseText} makes one from text; {@link Synapses} runs it.
 *
 * @param name        for messages
 * @param parameters  values shared by all synapses
 * @param variables   the per-synapse variables: declared ones ({@code w : 1}) and the state of
 *                    every differential equation, in the order written
 * @param clockDriven {@code dX/dt} of the equations integrated every step, by {@code method}
 * @param eventDriven the equations integrated exactly between events, each linear
 * @param onPre       what a pre-synaptic spike does at each of its synapses, in order
 * @param onPost      what a post-synaptic spike does at each of its synapses, in order
 * @param summed      each post-synaptic variable ({@code I} for {@code I_post}) set every step
 *                    to the sum of its expression over the synapses onto the neuron
 * @param delay       the pre-synaptic pathway's delay shared by all synapses, or null when the
 *                    synapses give their own ({@link Synapses#delays}) or there is none
 * @param postDelay   the post-synaptic pathway's delay shared by all synapses, or null
 * @param method      the integration method of the clock-driven equations, by the name of
 *                    {@link GroupIntegrator#method} ({@code euler}, Brian2's default for them, {@code exact},
 *                    {@code rk2}, {@code rk4}, {@code exponential_euler}, ...)
 */
public record SynapseModel(String name, Map<String, Double> parameters, List<String> variables,
                           Map<String, Expr> clockDriven, Map<String, Linear> eventDriven, List<Assign> onPre,
                           List<Assign> onPost, Map<String, Expr> summed, Double delay, Double postDelay,
                           String method) {
    /** The suffix of a pre-synaptic neuron's variable, as Brian2 writes it. */
    public static final String PRE = "_pre";
    /** The suffix of a post-synaptic neuron's variable. */
    public static final String POST = "_post";
    /** The per-synapse time of the last event, which event-driven equations advance from. */
    public static final String LAST_UPDATE = "lastupdate";

    public SynapseModel {
        parameters = Map.copyOf(parameters);
        variables = List.copyOf(variables);
        clockDriven = Collections.unmodifiableMap(new LinkedHashMap<>(clockDriven)); // in the order written
        eventDriven = Map.copyOf(eventDriven);
        onPre = List.copyOf(onPre);
        onPost = List.copyOf(onPost);
        summed = Map.copyOf(summed);
        method = method == null ? DEFAULT_METHOD : method;
    }

    /** Forward Euler: Brian2 picks it for clock-driven synaptic equations that are not linear. */
    public static final String DEFAULT_METHOD = "euler";

    /**
     * {@code dX/dt = rate * X + drive}, {@code rate} and {@code drive} reading only parameters
     * and constants: over a time {@code h} its exact solution is
     * {@code X e^(rate h) + drive (e^(rate h) - 1) / rate} ({@code X + drive h} when rate is 0).
     */
    public record Linear(Expr rate, Expr drive) {
    }
}
