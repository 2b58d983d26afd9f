package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.ExpIF;
import org.osgi.service.component.annotations.Component;

/** The {@code ExpIF} neuron model as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=ExpIF")
public final class ExpIFService extends CatalogModel {
    public ExpIFService() {
        super(ExpIF::model, Map.of("V_rest", "mV", "V_reset", "mV", "V_th", "mV", "V_T", "mV", "delta_T", "mV", "tau", "ms", "tau_ref", "ms"));
    }
}
