package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.One2One;
import org.osgi.service.component.annotations.Component;

/** The {@code One2One} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=One2One")
public final class One2OneFactory extends CatalogFactory {
    public One2OneFactory() {
        super("One2One", One2One.PARAMETERS, One2One::of);
    }
}
