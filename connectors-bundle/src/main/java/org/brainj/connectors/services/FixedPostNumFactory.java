package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.FixedPostNum;
import org.osgi.service.component.annotations.Component;

/** The {@code FixedPostNum} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=FixedPostNum")
public final class FixedPostNumFactory extends CatalogFactory {
    public FixedPostNumFactory() {
        super("FixedPostNum", FixedPostNum.PARAMETERS, FixedPostNum::of);
    }
}
