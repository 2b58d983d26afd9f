package org.brainj.launcher.run;

import java.util.List;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/** The backends a run may move to, looked up when it moves (services come and go). */
public interface BackendSource {
    /** The backend named {@code name} now, or null when none is registered. */
    Backend find(String name);

    /** The names of the backends registered now. */
    List<String> names();

    /** The backends on the classpath ({@link Backends}), as a program without OSGi (a Spark task) finds them. */
    static BackendSource classpath() {
        return new BackendSource() {
            @Override
            public Backend find(String name) {
                try {
                    return Backends.get(name);
                } catch (UnknownNameException e) {
                    return null;
                }
            }

            @Override
            public List<String> names() {
                return Backends.available().stream().map(Backend::name).toList();
            }
        };
    }
}
