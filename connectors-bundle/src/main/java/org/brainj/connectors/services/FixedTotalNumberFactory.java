package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.Nest;
import org.osgi.service.component.annotations.Component;

/** The {@code fixed_total_number} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=fixed_total_number")
public final class FixedTotalNumberFactory extends CatalogFactory {
    public FixedTotalNumberFactory() {
        super("fixed_total_number", Nest.FIXED_TOTAL_NUMBER, Nest::fixedTotalNumber);
    }
}
