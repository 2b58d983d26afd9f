package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.ScaleFreeBA;
import org.osgi.service.component.annotations.Component;

/** The {@code ScaleFreeBA} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=ScaleFreeBA")
public final class ScaleFreeBAFactory extends CatalogFactory {
    public ScaleFreeBAFactory() {
        super("ScaleFreeBA", ScaleFreeBA.PARAMETERS, ScaleFreeBA::of);
    }
}
