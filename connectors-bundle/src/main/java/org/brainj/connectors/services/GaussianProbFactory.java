package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.GaussianProb;
import org.osgi.service.component.annotations.Component;

/** The {@code GaussianProb} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=GaussianProb")
public final class GaussianProbFactory extends CatalogFactory {
    public GaussianProbFactory() {
        super("GaussianProb", GaussianProb.PARAMETERS, GaussianProb::of);
    }
}
