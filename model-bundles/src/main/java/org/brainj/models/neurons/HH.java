package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/**
 * Hodgkin-Huxley with the reference's parameters; a spike is the upward crossing of
 * {@code V_th}, as the reference's {@code (V < V_th) * (V_new >= V_th)}.
 */
public final class HH {
    private HH() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("HH")
                .parameter("ENa", 50).parameter("EK", -77).parameter("EL", -54.387).parameter("C", 1)
                .parameter("gNa", 120).parameter("gK", 36).parameter("gL", 0.03).parameter("V_th", 20)
                .subexpression("alpha_m", of("0.1 * (V + 40) / (1 - exp(-(V + 40) / 10))"))
                .subexpression("beta_m", of("4.0 * exp(-(V + 65) / 18)"))
                .subexpression("alpha_h", of("0.07 * exp(-(V + 65) / 20)"))
                .subexpression("beta_h", of("1 / (1 + exp(-(V + 35) / 10))"))
                .subexpression("alpha_n", of("0.01 * (V + 55) / (1 - exp(-(V + 55) / 10))"))
                .subexpression("beta_n", of("0.125 * exp(-(V + 65) / 80)"))
                .subexpression("I_Na", of("gNa * m^3 * h * (V - ENa)"))
                .subexpression("I_K", of("gK * n^4 * (V - EK)"))
                .subexpression("I_leak", of("gL * (V - EL)"))
                .derivative("V", of("(-I_Na - I_K - I_leak + input + I_syn) / C"))
                .derivative("m", of("alpha_m * (1 - m) - beta_m * m"))
                .derivative("h", of("alpha_h * (1 - h) - beta_h * h"))
                .derivative("n", of("alpha_n * (1 - n) - beta_n * n"))
                .initial("V", Initializer.constant(-65)).initial("m", Initializer.constant(0.5))
                .initial("h", Initializer.constant(0.6)).initial("n", Initializer.constant(0.32))
                .input("input").current("I_syn")
                .thresholdCrossing(of("V >= V_th"))
                .build();
    }
}
