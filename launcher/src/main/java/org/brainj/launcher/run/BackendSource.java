package org.brainj.launcher.run;

import java.util.List;
import org.brainj.api.tensor.Backend;

/** The backends a run may move to, looked up when it moves (services come and go). */
public interface BackendSource {
    /** The backend named {@code name} now, or null when none is registered. */
    Backend find(String name);

    /** The names of the backends registered now. */
    List<String> names();
}
