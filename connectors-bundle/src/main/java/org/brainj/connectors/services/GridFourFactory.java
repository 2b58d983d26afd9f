package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.GridFour;
import org.osgi.service.component.annotations.Component;

/** The {@code GridFour} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=GridFour")
public final class GridFourFactory extends CatalogFactory {
    public GridFourFactory() {
        super("GridFour", GridFour.PARAMETERS, GridFour::of);
    }
}
