package org.brainj.api.model;

import java.util.List;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Exprs;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.PoissonCount;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * NEST's {@code poisson_generator} connected to every neuron of a group: each neuron's membrane
 * jumps by {@code weight} times an independent Poisson count with mean {@code rate dt} per step.
 *
 * @param rate   events per unit of the model's time (per ms in the {@link org.brainj.api.units.Coherent} system)
 * @param weight the jump per event, in the membrane's unit
 */
public record PoissonInput(double rate, double weight) {
    private static final Unit<?> HERTZ = PhysicalUnits.parse("Hz");

    public PoissonInput {
        if (!(rate >= 0) || !Double.isFinite(rate)) {
            throw new BrainJException("a Poisson rate must be finite and >= 0, got " + rate + "; give e.g. '10 Hz'");
        }
    }

    /**
     * An input from quantities: {@code rate} in events per time, {@code weight} a jump of the
     * membrane, checked against {@code membrane}'s unit (null for a model without units: the
     * number is taken in the {@link Coherent} system). A fault is a {@link ModelTextException}
     * whose key is {@code rate} or {@code weight}.
     */
    public static PoissonInput of(Quantity<?> rate, Quantity<?> weight, NeuronModel model, Unit<?> membrane) {
        if (!PhysicalUnits.sameDimension(rate.getUnit(), HERTZ)) {
            throw fault("rate", PhysicalUnits.mismatch(rate.toString(), rate.getUnit(), HERTZ, "a rate"), null);
        }
        if (membrane != null && !PhysicalUnits.sameDimension(weight.getUnit(), membrane)) {
            throw fault("weight", PhysicalUnits.mismatch(weight.toString(), weight.getUnit(), membrane,
                    "a jump of " + model.membrane()), null);
        }
        try {
            return new PoissonInput(Coherent.value(rate), Coherent.value(weight));
        } catch (BrainJException e) {
            throw fault("rate", e.getMessage(), e);
        }
    }

    private static ModelTextException fault(String key, String problem, Throwable cause) {
        return new ModelTextException("poisson_input", key, 0, 0, problem, cause);
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
