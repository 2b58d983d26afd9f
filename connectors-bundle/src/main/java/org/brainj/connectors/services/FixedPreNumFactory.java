package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.FixedPreNum;
import org.osgi.service.component.annotations.Component;

/** The {@code FixedPreNum} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=FixedPreNum")
public final class FixedPreNumFactory extends CatalogFactory {
    public FixedPreNumFactory() {
        super("FixedPreNum", FixedPreNum.PARAMETERS, FixedPreNum::of);
    }
}
