package org.brainj.api.model;

import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.SimulationException;
import org.brainj.api.sim.StepFunction;
import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.Tensor;

/**
 * Before each step, the shared parameter {@code target} becomes the sum of state variable
 * {@code variable} over the group: an all-to-all coupling (the reference's gamma oscillation's
 * {@code g_max * (S - s)}) in O(N) instead of N x N synapses. Add it with
 * {@code network.step(name, PopulationSum.of(group, "S", "s"))}.
 */
public final class PopulationSum implements StepFunction {
    private final NeuronGroup group;
    private final String target;
    private final String variable;

    private PopulationSum(NeuronGroup group, String target, String variable) {
        this.group = group;
        this.target = target;
        this.variable = variable;
    }

    /** The sum; a wrong name is a {@link SimulationException} listing the group's state variables or parameters. */
    public static PopulationSum of(NeuronGroup group, String target, String variable) {
        NeuronModel model = group.model();
        if (!model.derivatives().containsKey(variable)) {
            throw new SimulationException("'" + variable + "' is not a state variable of " + group.name()
                    + "; its state variables: " + String.join(", ", model.derivatives().keySet()));
        }
        if (!model.parameters().containsKey(target)) {
            throw new SimulationException("'" + target + "' is not a shared parameter of " + group.name() + "; add it under"
                    + " 'parameters:' (e.g. " + target + ": 0) or sum into one of " + String.join(", ", model.parameters().keySet()));
        }
        return new PopulationSum(group, target, variable);
    }

    @Override
    public void run(long step, double t) {
        Tensor x = group.variable(variable);
        x.backend().reduce(Reduction.SUM, x, group.variable(target));
    }

    /** The target back to its value in the model, where a new network's first step reads it. */
    @Override
    public void reset() {
        group.set(target, group.model().parameters().get(target));
    }
}
