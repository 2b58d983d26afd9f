package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.AdEx;
import org.osgi.service.component.annotations.Component;

/** The {@code AdEx} neuron model as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=AdEx")
public final class AdExService extends CatalogModel {
    public AdExService() {
        super(AdEx::model, Map.of("V_rest", "mV", "V_reset", "mV", "V_th", "mV", "V_T", "mV", "delta_T", "mV", "tau", "ms", "tau_w", "ms"));
    }
}
