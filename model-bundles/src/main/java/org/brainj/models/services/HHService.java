package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.HH;
import org.osgi.service.component.annotations.Component;

/** The {@code HH} neuron model as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=HH")
public final class HHService extends CatalogModel {
    public HHService() {
        super(HH::model, Map.of("ENa", "mV", "EK", "mV", "EL", "mV", "C", "uF/cm^2", "gNa", "mS/cm^2", "gK", "mS/cm^2", "gL", "mS/cm^2", "V_th", "mV"));
    }
}
