package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.DOG;
import org.osgi.service.component.annotations.Component;

/** The {@code DOG} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=DOG")
public final class DOGFactory extends CatalogFactory {
    public DOGFactory() {
        super("DOG", DOG.PARAMETERS, DOG::of);
    }
}
