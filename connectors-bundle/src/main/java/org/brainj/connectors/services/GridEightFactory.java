package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.GridEight;
import org.osgi.service.component.annotations.Component;

/** The {@code GridEight} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=GridEight")
public final class GridEightFactory extends CatalogFactory {
    public GridEightFactory() {
        super("GridEight", GridEight.PARAMETERS, GridEight::of);
    }
}
