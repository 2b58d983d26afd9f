package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.Nest;
import org.osgi.service.component.annotations.Component;

/** The {@code fixed_indegree} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=fixed_indegree")
public final class FixedIndegreeFactory extends CatalogFactory {
    public FixedIndegreeFactory() {
        super("fixed_indegree", Nest.FIXED_INDEGREE, Nest::fixedIndegree);
    }
}
