package org.brainj.api.tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.brainj.api.UnknownNameException;

/**
 * Backends on a plain classpath, found through {@link ServiceLoader} (each backend jar lists
 * itself in {@code META-INF/services/org.brainj.api.tensor.Backend}). Under OSGi, look backends
 * up in the service registry by {@value Backend#NAME_PROPERTY} instead.
 */
public final class Backends {
    private Backends() {
    }

    /** Every backend on the classpath, in classpath order. */
    public static List<Backend> available() {
        List<Backend> found = new ArrayList<>();
        ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(found::add);
        return found;
    }

    /** The backend named {@code name}, or an error listing those on the classpath. */
    public static Backend get(String name) {
        List<Backend> all = available();
        return all.stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException("backend", name, all.stream().map(Backend::name).toList()));
    }
}
