package org.brainj.api.sim;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/** The backend the runtime tests run on: the CPU backend, found as a plain-classpath service. */
final class TestBackend {
    private TestBackend() {
    }

    static Backend get() {
        return Backends.get("cpu");
    }
}
