package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.osgi.service.component.annotations.Component;

/** The {@code SpikeTimeGroup} source as a service. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=SpikeTimeGroup")
public final class SpikeTimeGroupService extends CatalogModel {
    public SpikeTimeGroupService() {
        super(SpikeTimeGroup::model, Map.of());
    }
}
