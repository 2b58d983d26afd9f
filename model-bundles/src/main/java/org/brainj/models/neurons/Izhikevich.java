package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/** Izhikevich (2003), regular spiking by default; the reference's {@code Izhikevich}. */
public final class Izhikevich {
    private Izhikevich() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("Izhikevich")
                .parameter("a", 0.02).parameter("b", 0.2).parameter("c", -65).parameter("d", 8)
                .parameter("V_th", 30)
                .derivative("V", of("0.04 * V^2 + 5 * V + 140 - u + input + I_syn"))
                .derivative("u", of("a * (b * V - u)"))
                .initial("V", Initializer.constant(-65)).initial("u", Initializer.constant(-13))
                .input("input").current("I_syn")
                .threshold(of("V >= V_th")).reset("V", of("c")).reset("u", of("u + d"))
                .build();
    }
}
