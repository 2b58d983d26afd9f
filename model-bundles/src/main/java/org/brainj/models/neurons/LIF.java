package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/** Leaky integrate-and-fire with refractoriness, the reference's {@code LIF} and its defaults. */
public final class LIF {
    private LIF() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("LIF")
                .parameter("V_rest", 0).parameter("V_reset", -5).parameter("V_th", 20)
                .parameter("R", 1).parameter("tau", 10).parameter("tau_ref", 1)
                .derivative("V", of("(-(V - V_rest) + R * (input + I_syn)) / tau"))
                .initial("V", Initializer.constant(-5))
                .input("input").current("I_syn")
                .threshold(of("V >= V_th")).reset("V", of("V_reset"))
                .refractory("tau_ref", "V")
                .build();
    }
}
