package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/** Adaptive exponential integrate-and-fire (Brette and Gerstner 2005), the reference's {@code AdExIF} defaults. */
public final class AdEx {
    private AdEx() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("AdEx")
                .parameter("V_rest", -65).parameter("V_reset", -68).parameter("V_th", -30)
                .parameter("V_T", -59.9).parameter("delta_T", 3.48).parameter("a", 1).parameter("b", 1)
                .parameter("R", 1).parameter("tau", 10).parameter("tau_w", 30)
                .derivative("V", of("(-(V - V_rest) + delta_T * exp((V - V_T) / delta_T) - R * w"
                        + " + R * (input + I_syn)) / tau"))
                .derivative("w", of("(a * (V - V_rest) - w) / tau_w"))
                .initial("V", Initializer.constant(-65))
                .input("input").current("I_syn")
                .threshold(of("V >= V_th")).reset("V", of("V_reset")).reset("w", of("w + b"))
                .build();
    }
}
