package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/** Exponential integrate-and-fire (Fourcaud-Trocme et al. 2003), the reference's {@code ExpIF} defaults. */
public final class ExpIF {
    private ExpIF() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("ExpIF")
                .parameter("V_rest", -65).parameter("V_reset", -68).parameter("V_th", -30)
                .parameter("V_T", -59.9).parameter("delta_T", 3.48).parameter("R", 1)
                .parameter("tau", 10).parameter("tau_ref", 1.7)
                .derivative("V", of("(-(V - V_rest) + delta_T * exp((V - V_T) / delta_T) + R * (input + I_syn)) / tau"))
                .initial("V", Initializer.constant(-65))
                .input("input").current("I_syn")
                .threshold(of("V >= V_th")).reset("V", of("V_reset"))
                .refractory("tau_ref", "V")
                .build();
    }
}
