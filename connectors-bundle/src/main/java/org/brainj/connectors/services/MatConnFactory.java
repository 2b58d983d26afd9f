package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.MatConn;
import org.osgi.service.component.annotations.Component;

/** The {@code MatConn} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=MatConn")
public final class MatConnFactory extends CatalogFactory {
    public MatConnFactory() {
        super("MatConn", MatConn.PARAMETERS, MatConn::of);
    }
}
