package org.brainj.backend.cpu;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.brainj.api.tensor.CustomOp;

/**
 * The custom operations of one backend: under OSGi those Declarative Services binds (they come
 * and go with their bundles); on a plain classpath those {@link ServiceLoader} finds.
 */
final class CustomOps {
    private final String backendName;
    private final Map<String, CustomOp> bound = new ConcurrentHashMap<>();
    private volatile boolean managed;
    private volatile Map<String, CustomOp> discovered;

    CustomOps(String backendName) {
        this.backendName = backendName;
    }

    /** From now on only bound operations count: a framework manages them. */
    void managed() {
        managed = true;
    }

    void bind(CustomOp op) {
        bound.putIfAbsent(op.name(), op);
    }

    void unbind(CustomOp op) {
        bound.remove(op.name(), op);
    }

    /** The operations known now, by name. */
    Map<String, CustomOp> current() {
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
