package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.IafPscDelta;
import org.osgi.service.component.annotations.Component;

/** NEST's {@code iaf_psc_delta} as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=iaf_psc_delta")
public final class IafPscDeltaService extends CatalogModel {
    public IafPscDeltaService() {
        super(IafPscDelta::model, Map.of("C_m", "pF", "tau_m", "ms", "t_ref", "ms", "E_L", "mV", "V_reset", "mV",
                "V_th", "mV", "I_e", "pA"));
    }
}
