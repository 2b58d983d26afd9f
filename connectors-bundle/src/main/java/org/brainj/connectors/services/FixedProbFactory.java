package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.FixedProb;
import org.osgi.service.component.annotations.Component;

/** The {@code FixedProb} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=FixedProb")
public final class FixedProbFactory extends CatalogFactory {
    public FixedProbFactory() {
        super("FixedProb", FixedProb.PARAMETERS, FixedProb::of);
    }
}
