package org.brainj.launcher.spec;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.connect.Connectors;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/**
 * Where a spec's names are looked up: backends, neuron models and connectors, from the OSGi
 * service registry in the launcher, or from {@link java.util.ServiceLoader} on a plain classpath.
 */
public interface Catalog {
    /** The backend named {@code name}; an {@link UnknownNameException} lists the available ones otherwise. */
    Backend backend(String name);

    /** The model factories available now. */
    Collection<NeuronModelFactory> models();

    /** The connector factories available now. */
    Collection<ConnectorFactory> connectors();

    default NeuronModelFactory model(String name) {
        return find("neuron model", name, models(), NeuronModelFactory::name);
    }

    default ConnectorFactory connector(String name) {
        return find("connector", name, connectors(), ConnectorFactory::name);
    }

    private static <T> T find(String kind, String name, Collection<T> all, Function<T, String> nameOf) {
        return all.stream().filter(f -> nameOf.apply(f).equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException(kind, name, all.stream().map(nameOf).sorted().toList()));
    }

    /** The implementations on the classpath, as a Maven user without OSGi has them. */
    static Catalog classpath() {
        return new Catalog() {
            @Override
            public Backend backend(String name) {
                return Backends.get(name);
            }

            @Override
            public Collection<NeuronModelFactory> models() {
                return java.util.ServiceLoader.load(NeuronModelFactory.class, Catalog.class.getClassLoader())
                        .stream().map(java.util.ServiceLoader.Provider::get).toList();
            }

            @Override
            public Collection<ConnectorFactory> connectors() {
                return List.copyOf(Connectors.available());
            }
        };
    }
}
