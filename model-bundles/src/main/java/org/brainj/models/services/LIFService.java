package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.LIF;
import org.osgi.service.component.annotations.Component;

/** The {@code LIF} neuron model as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=LIF")
public final class LIFService extends CatalogModel {
    public LIFService() {
        super(LIF::model, Map.of("V_rest", "mV", "V_reset", "mV", "V_th", "mV", "tau", "ms", "tau_ref", "ms"));
    }
}
