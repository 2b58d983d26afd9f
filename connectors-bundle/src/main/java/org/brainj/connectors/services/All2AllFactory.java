package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.All2All;
import org.osgi.service.component.annotations.Component;

/** The {@code All2All} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=All2All")
public final class All2AllFactory extends CatalogFactory {
    public All2AllFactory() {
        super("All2All", All2All.PARAMETERS, All2All::of);
    }
}
