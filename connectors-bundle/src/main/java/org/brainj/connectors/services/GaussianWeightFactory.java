package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.GaussianWeight;
import org.osgi.service.component.annotations.Component;

/** The {@code GaussianWeight} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=GaussianWeight")
public final class GaussianWeightFactory extends CatalogFactory {
    public GaussianWeightFactory() {
        super("GaussianWeight", GaussianWeight.PARAMETERS, GaussianWeight::of);
    }
}
