package org.brainj.api.sim;

import org.brainj.api.tensor.Backend;

/** The backend the runtime tests run on. */
final class TestBackend {
    private TestBackend() {
    }

    static Backend get() {
        return InterpretedCpu.create();
    }
}
