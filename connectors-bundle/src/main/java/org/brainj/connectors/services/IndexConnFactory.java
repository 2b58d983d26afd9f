package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.IndexConn;
import org.osgi.service.component.annotations.Component;

/** The {@code IndexConn} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=IndexConn")
public final class IndexConnFactory extends CatalogFactory {
    public IndexConnFactory() {
        super("IndexConn", IndexConn.PARAMETERS, IndexConn::of);
    }
}
