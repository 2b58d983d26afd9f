package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.GridN;
import org.osgi.service.component.annotations.Component;

/** The {@code GridN} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=GridN")
public final class GridNFactory extends CatalogFactory {
    public GridNFactory() {
        super("GridN", GridN.PARAMETERS, GridN::of);
    }
}
