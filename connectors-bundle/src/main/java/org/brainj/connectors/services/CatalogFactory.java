package org.brainj.connectors.services;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;

/**
 * What every catalog factory does: check the given values against the connector's parameter
 * specs, then build the connector from them. Subclasses only name the connector; each is its own
 * Declarative Services component so that every connector is a service with its own
 * {@value ConnectorFactory#NAME_PROPERTY}.
 */
abstract class CatalogFactory implements ConnectorFactory {
    private final String name;
    private final List<ParamSpec> parameters;
    private final Function<Parameters, ? extends Connector> build;

    CatalogFactory(String name, List<ParamSpec> parameters, Function<Parameters, ? extends Connector> build) {
        this.name = name;
        this.parameters = parameters;
        this.build = build;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public final Connector create(Map<String, ?> params) {
        return build.apply(Parameters.of(name, parameters, params));
    }
}
