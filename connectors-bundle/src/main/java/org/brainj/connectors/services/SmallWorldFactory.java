package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.SmallWorld;
import org.osgi.service.component.annotations.Component;

/** The {@code SmallWorld} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=SmallWorld")
public final class SmallWorldFactory extends CatalogFactory {
    public SmallWorldFactory() {
        super("SmallWorld", SmallWorld.PARAMETERS, SmallWorld::of);
    }
}
