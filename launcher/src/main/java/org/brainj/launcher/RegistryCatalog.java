package org.brainj.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.tensor.Backend;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.spec.Catalog;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/** A spec's names looked up in the running platform's service registry. */
final class RegistryCatalog implements Catalog {
    /** Declarative Services registers components a moment after their bundles start. */
    static final Duration BACKEND_WAIT = Duration.ofSeconds(5);

    private final Platform platform;

    RegistryCatalog(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Backend backend(String name) {
        return platform.backend(name, BACKEND_WAIT);
    }

    @Override
    public Collection<NeuronModelFactory> models() {
        return services(NeuronModelFactory.class);
    }

    @Override
    public Collection<ConnectorFactory> connectors() {
        return services(ConnectorFactory.class);
    }

    /** The services of a type shared from the host (a bundle with its own copy of the API is not one of them). */
    private <T> List<T> services(Class<T> type) {
        BundleContext context = platform.context();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(type.getName(), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<T> found = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Object service = context.getService(ref);
            if (type.isInstance(service)) {
                found.add(type.cast(service));
            }
        }
        return found;
    }
}
