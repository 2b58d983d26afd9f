package org.brainj.launcher.spec;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.brainj.api.UnknownNameException;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.connect.Connectors;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/**
 * Where a spec's names are looked up: backends, neuron and synapse models, synaptic outputs and connectors, from the OSGi
 * service registry in the launcher, or from {@link java.util.ServiceLoader} on a plain classpath.
 */
public interface Catalog {
    /** The backend named {@code name}; an {@link UnknownNameException} lists the available ones otherwise. */
    Backend backend(String name);

    /** The model factories available now. */
    Collection<NeuronModelFactory> models();

    /** The connector factories available now. */
    Collection<ConnectorFactory> connectors();

    /** The synapse models of the library available now. */
    Collection<SynapseModelFactory> synapses();

    /** The synaptic outputs of the library available now. */
    Collection<OutputModelFactory> outputs();

    default NeuronModelFactory model(String name) {
        return find("neuron model", name, models(), NeuronModelFactory::name);
    }

    default SynapseModelFactory synapse(String name) {
        return find("synapse model", name, synapses(), SynapseModelFactory::name);
    }

    default OutputModelFactory output(String name) {
        return find("synaptic output", name, outputs(), OutputModelFactory::name);
    }

    default ConnectorFactory connector(String name) {
        return find("connector", name, connectors(), ConnectorFactory::name);
    }

    private static <T> T find(String kind, String name, Collection<T> all, Function<T, String> nameOf) {
        return all.stream().filter(f -> nameOf.apply(f).equals(name)).findFirst().orElseThrow(() -> {
            List<String> known = all.stream().map(nameOf).sorted().toList();
            List<String> close = closeTo(name, known);
            return new UnknownNameException(kind, name, known,
                    close.isEmpty() ? null : "did you mean " + String.join(" or ", close) + "?");
        });
    }

    /** The known names a slip of the keyboard away: another case, or a few letters added, dropped or changed. */
    static List<String> closeTo(String name, List<String> known) {
        String n = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, n.length() / 3);
        return known.stream().filter(k -> editDistance(n, k.toLowerCase(Locale.ROOT)) <= allowed).limit(5).toList();
    }

    private static int editDistance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j], row[j - 1]) + 1, diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
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
                return NeuronModelFactory.onClasspath(Catalog.class.getClassLoader());
            }

            @Override
            public Collection<ConnectorFactory> connectors() {
                return List.copyOf(Connectors.available());
            }

            @Override
            public Collection<SynapseModelFactory> synapses() {
                return SynapseModelFactory.onClasspath(Catalog.class.getClassLoader());
            }

            @Override
            public Collection<OutputModelFactory> outputs() {
                return OutputModelFactory.onClasspath(Catalog.class.getClassLoader());
            }
        };
    }
}
