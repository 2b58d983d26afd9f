package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.PowerLaw;
import org.osgi.service.component.annotations.Component;

/** The {@code PowerLaw} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=PowerLaw")
public final class PowerLawFactory extends CatalogFactory {
    public PowerLawFactory() {
        super("PowerLaw", PowerLaw.PARAMETERS, PowerLaw::of);
    }
}
