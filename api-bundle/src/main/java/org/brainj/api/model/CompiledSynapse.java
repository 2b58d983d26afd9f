package org.brainj.api.model;

import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.sim.SynapseModel;

/**
 * A synapse model made from {@link SynapseText}: what {@link org.brainj.api.sim.Synapses} runs
 * and the unit of each per-synapse variable, to turn values given with units into numbers.
 *
 * @param model    the runtime's model
 * @param units    the declared unit of each per-synapse variable
 * @param unitless whether the text is BrainPy's unitless style (numbers, time in ms)
 */
public record CompiledSynapse(SynapseModel model, Map<String, Unit<?>> units, boolean unitless) {
    public CompiledSynapse {
        units = Map.copyOf(units);
    }
}
