package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.ScaleFreeBADual;
import org.osgi.service.component.annotations.Component;

/** The {@code ScaleFreeBADual} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=ScaleFreeBADual")
public final class ScaleFreeBADualFactory extends CatalogFactory {
    public ScaleFreeBADualFactory() {
        super("ScaleFreeBADual", ScaleFreeBADual.PARAMETERS, ScaleFreeBADual::of);
    }
}
