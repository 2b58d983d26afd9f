package org.brainj.api.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.brainj.api.UnknownNameException;

/**
 * Connector factories on a plain classpath, found through {@link ServiceLoader}. Under OSGi,
 * look them up in the service registry by {@value ConnectorFactory#NAME_PROPERTY} instead.
 */
public final class Connectors {
    private Connectors() {
    }

    /** Every connector factory on the classpath, in classpath order. */
    public static List<ConnectorFactory> available() {
        List<ConnectorFactory> found = new ArrayList<>();
        ServiceLoader.load(ConnectorFactory.class, Connectors.class.getClassLoader()).forEach(found::add);
        return found;
    }

    /** The factory named {@code name}, or an error listing those on the classpath. */
    public static ConnectorFactory get(String name) {
        List<ConnectorFactory> all = available();
        return all.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException("connector", name,
                        all.stream().map(ConnectorFactory::name).toList()));
    }
}
