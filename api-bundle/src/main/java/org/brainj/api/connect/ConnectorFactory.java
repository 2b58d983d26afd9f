package org.brainj.api.connect;

import java.util.List;
import java.util.Map;
import org.brainj.api.spi.ParamSpec;

/**
 * A connector in a catalog: registered as a service with {@value #NAME_PROPERTY} set to the
 * reference's name ({@code FixedProb}, {@code GaussianProb}, {@code fixed_indegree}...), and on a
 * plain classpath listed in {@code META-INF/services/org.brainj.api.connect.ConnectorFactory}.
 */
public interface ConnectorFactory {
    /** The service property that carries the connector's name. */
    String NAME_PROPERTY = "connector.name";

    /** The connector's name, equal to its {@value #NAME_PROPERTY} property. */
    String name();

    /** The parameters {@link #create} accepts, with units and defaults. */
    List<ParamSpec> parameters();

    /**
     * A connector from parameter values keyed by {@link ParamSpec#name()}.
     *
     * @throws org.brainj.api.UnknownNameException            for a parameter not in {@link #parameters()}
     * @throws org.brainj.api.spi.InvalidParameterException   for a missing or invalid value
     */
    Connector create(Map<String, ?> params);
}
