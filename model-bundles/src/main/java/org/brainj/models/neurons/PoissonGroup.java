package org.brainj.models.neurons;

import static org.brainj.api.expr.ExpressionParser.parse;

import org.brainj.api.sim.NeuronModel;

/**
 * Independent Poisson spike sources, the reference's {@code PoissonGroup}: in each step a
 * neuron spikes with probability {@code freqs dt} ({@code freqs} in Hz, {@code dt} in ms).
 * Give each neuron its own rate with a per-neuron parameter. The threshold {@code u < freqs dt}
 * with a rate constant in time is what the runtime recognises to draw the geometric gap to each
 * neuron's next spike when it spikes, instead of {@code u} per neuron and step: the same process,
 * with random draws per spike.
 */
public final class PoissonGroup {
    private PoissonGroup() {
    }

    public static NeuronModel model() {
        return model("PoissonGroup", "freqs", 10);
    }

    /** NEST's {@code poisson_generator} as a population of sources: its {@code rate} (Hz, default 0). */
    public static NeuronModel nest() {
        return model("poisson_generator", "rate", 0);
    }

    private static NeuronModel model(String name, String rate, double defaultRate) {
        return NeuronModel.builder(name)
                .parameter(rate, defaultRate)
                .uniform("u")
                .threshold(parse("u < " + rate + " * dt / 1000"))
                .build();
    }
}
