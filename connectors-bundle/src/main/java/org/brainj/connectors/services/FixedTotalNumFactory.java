package org.brainj.connectors.services;

import org.brainj.api.connect.ConnectorFactory;
import org.brainj.connectors.FixedTotalNum;
import org.osgi.service.component.annotations.Component;

/** The {@code FixedTotalNum} connector as a service. */
@Component(service = ConnectorFactory.class, property = ConnectorFactory.NAME_PROPERTY + "=FixedTotalNum")
public final class FixedTotalNumFactory extends CatalogFactory {
    public FixedTotalNumFactory() {
        super("FixedTotalNum", FixedTotalNum.PARAMETERS, FixedTotalNum::of);
    }
}
