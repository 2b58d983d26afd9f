package org.brainj.api.model;

import java.util.Map;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.expr.Equations;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * A neuron model made from {@link NeuronText}: the runtime's model, the checked equations (unit
 * names replaced by their values, as integrators take them), the parameters as numbers, and the
 * unit of each name, to turn values given with units into the numbers the model computes with.
 *
 * @param model      what a {@link NeuronGroup} runs
 * @param equations  the checked equations, numbers in the {@link Coherent} system
 * @param parameters each parameter's value in that system (or as written, when unitless)
 * @param units      the declared unit of each variable and the unit of each parameter given
 * @param unitless   whether the text is BrainPy's unitless style (numbers, time in ms)
 */
public record CompiledNeuron(NeuronModel model, Equations equations, Map<String, Double> parameters,
                             Map<String, Unit<?>> units, boolean unitless) {
    public CompiledNeuron {
        parameters = Map.copyOf(parameters);
        units = Map.copyOf(units);
    }

    /** The unit of a variable or parameter, or null for a name the model does not have. */
    public Unit<?> unit(String name) {
        return units.get(name);
    }

    /**
     * {@code q} as a number for {@code name}: in the {@link Coherent} system when the model has
     * units (it must then have {@code name}'s dimension), as written when the model is unitless.
     */
    public double value(String name, Quantity<?> q) {
        Unit<?> unit = units.get(name);
        if (unit == null) {
            throw new ModelTextException("value", name, 0, 0, "'" + name + "' is not a variable or parameter of model "
                    + model.name() + "; its names: " + units.keySet(), null);
        }
        if (PhysicalUnits.sameDimension(q.getUnit(), unit)) {
            return Coherent.value(q);
        }
        if (unitless && PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.ONE)) {
            return q.getValue().doubleValue(); // a time in BrainPy's style: ms
        }
        throw new ModelTextException("value", name, 0, 0, q + " does not fit " + name + ", which is "
                + (unitless ? "a plain number (the model is unitless); give one without a unit"
                : "in " + PhysicalUnits.describe(unit) + "; give e.g. '1 " + unit + "'"), null);
    }

    /** A group of {@code size} neurons of this model. */
    public NeuronGroup group(String name, int size) {
        return new NeuronGroup(name, size, model);
    }
}
