package org.brainj.models.neurons;

import static org.brainj.api.expr.ExpressionParser.parse;

import org.brainj.api.sim.NeuronModel;

/**
 * Independent Poisson spike sources, the reference's {@code PoissonGroup}: in each step a
 * neuron spikes with probability {@code freqs dt} ({@code freqs} in Hz, {@code dt} in ms).
 * Give each neuron its own rate with a per-neuron parameter.
 */
public final class PoissonGroup {
    private PoissonGroup() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("PoissonGroup")
                .parameter("freqs", 10)
                .uniform("u")
                .threshold(parse("u < freqs * dt / 1000"))
                .build();
    }
}
