package org.brainj.models.services;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.neurons.PoissonGroup;
import org.osgi.service.component.annotations.Component;

/** NEST's {@code poisson_generator}: the {@code PoissonGroup} source with NEST's {@code rate}. */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=poisson_generator")
public final class PoissonGeneratorService extends CatalogModel {
    public PoissonGeneratorService() {
        super(PoissonGroup::nest, Map.of("rate", "Hz"));
    }
}
