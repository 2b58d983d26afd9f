package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.Izhikevich;
import org.osgi.service.component.annotations.Component;

/** The {@code Izhikevich} neuron model as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=Izhikevich")
public final class IzhikevichService extends CatalogModel {
    public IzhikevichService() {
        super(Izhikevich::model, Map.of("c", "mV", "V_th", "mV"));
    }
}
