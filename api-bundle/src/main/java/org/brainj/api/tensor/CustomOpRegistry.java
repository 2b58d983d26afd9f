package org.brainj.api.tensor;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The custom operations of one backend, for backend implementers: under OSGi those Declarative
 * Services binds (they come and go with their bundles); on a plain classpath those
 * {@link ServiceLoader} finds for the backend's name.
 */
public final class CustomOpRegistry {
    private final String backendName;
    private final Map<String, CustomOp> bound = new ConcurrentHashMap<>();
    private volatile boolean managed;
    private volatile Map<String, CustomOp> discovered;

    public CustomOpRegistry(String backendName) {
        this.backendName = backendName;
    }

    /** From now on only bound operations count: a framework manages them. */
    public void managed() {
        managed = true;
    }

    public void bind(CustomOp op) {
        bound.putIfAbsent(op.name(), op);
    }

    public void unbind(CustomOp op) {
        bound.remove(op.name(), op);
    }

    /** The operations known now, by name. */
    public Map<String, CustomOp> current() {
        if (managed) {
            return Map.copyOf(bound);
        }
        Map<String, CustomOp> found = discovered;
        if (found == null) {
            Map<String, CustomOp> byName = new TreeMap<>();
            for (CustomOp op : ServiceLoader.load(CustomOp.class)) {
                if (op.backendName().equals(backendName)) {
                    byName.putIfAbsent(op.name(), op);
                }
            }
            found = Map.copyOf(byName);
            discovered = found;
        }
        return found;
    }
}
