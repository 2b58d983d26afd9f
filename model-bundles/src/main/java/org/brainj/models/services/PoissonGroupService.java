package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.PoissonGroup;
import org.osgi.service.component.annotations.Component;

/** The {@code PoissonGroup} source as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=PoissonGroup")
public final class PoissonGroupService extends CatalogModel {
    public PoissonGroupService() {
        super(PoissonGroup::model, Map.of("freqs", "Hz"));
    }
}
