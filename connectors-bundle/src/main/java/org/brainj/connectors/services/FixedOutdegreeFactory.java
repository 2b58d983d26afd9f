package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.Nest;
import org.osgi.service.component.annotations.Component;

/** The {@code fixed_outdegree} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=fixed_outdegree")
public final class FixedOutdegreeFactory extends CatalogFactory {
    public FixedOutdegreeFactory() {
        super("fixed_outdegree", Nest.FIXED_OUTDEGREE, Nest::fixedOutdegree);
    }
}
