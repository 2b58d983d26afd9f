package org.brainj.models.neurons;

import static org.brainj.models.neurons.Eq.of;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;

/**
 * NEST's {@code iaf_psc_delta} with NEST's defaults (ms, mV, pF, pA): a leaky integrator whose
 * delta inputs jump the membrane potential and are dropped while the neuron is refractory.
 * Its equation is linear with constant coefficients, which {@code exponential_euler} integrates
 * exactly, as NEST does.
 */
public final class IafPscDelta {
    private IafPscDelta() {
    }

    public static NeuronModel model() {
        return NeuronModel.builder("iaf_psc_delta")
                .parameter("C_m", 250).parameter("tau_m", 10).parameter("t_ref", 2).parameter("E_L", -70)
                .parameter("V_reset", -70).parameter("V_th", -55).parameter("I_e", 0)
                .derivative("V", of("-(V - E_L) / tau_m + (I_e + I_syn) / C_m"))
                .initial("V", Initializer.constant(-70))
                .current("I_syn")
                .threshold(of("V >= V_th")).reset("V", of("V_reset"))
                .refractory("t_ref", "V")
                .build();
    }
}
