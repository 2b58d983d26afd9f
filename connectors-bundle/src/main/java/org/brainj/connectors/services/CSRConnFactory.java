package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.CSRConn;
import org.osgi.service.component.annotations.Component;

/** The {@code CSRConn} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=CSRConn")
public final class CSRConnFactory extends CatalogFactory {
    public CSRConnFactory() {
        super("CSRConn", CSRConn.PARAMETERS, CSRConn::of);
    }
}
