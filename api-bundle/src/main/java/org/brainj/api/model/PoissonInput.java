package org.brainj.api.model;

import java.util.List;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Exprs;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.PoissonCount;

/**
 * NEST's {@code poisson_generator} connected to every neuron of a group: each neuron's membrane
 * jumps by {@code weight} times an independent Poisson count with mean {@code rate dt} per step.
 *
 * @param rate   events per unit of the model's time (per ms in the {@link org.brainj.api.units.Coherent} system)
 * @param weight the jump per event, in the membrane's unit
 */
public record PoissonInput(double rate, double weight) {
    public PoissonInput {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new BrainJException("a Poisson rate must be finite and >= 0, got " + rate + "; give e.g. '10 Hz'");
        }
    }

    /** {@code model} driven by {@code inputs} at step {@code dt}, each with its own uniform draws. */
    public static NeuronModel onto(NeuronModel model, List<PoissonInput> inputs, double dt) {
        NeuronModel.Builder b = model.toBuilder();
        for (int k = 0; k < inputs.size(); k++) {
            String uniform = "poisson_u" + k;
            PoissonInput in = inputs.get(k);
            b.uniform(uniform).jump(model.membrane(), Exprs.mul(Exprs.num(in.weight), PoissonCount.of(in.rate * dt, uniform)));
        }
        return b.build();
    }
}
