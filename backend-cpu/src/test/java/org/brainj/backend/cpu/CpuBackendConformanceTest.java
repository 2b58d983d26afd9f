package org.brainj.backend.cpu;

import org.brainj.api.tensor.Backend;
import org.brainj.backend.conformance.BackendConformanceTest;

/** The CPU backend against the whole conformance kit; transfers go between two instances. */
class CpuBackendConformanceTest extends BackendConformanceTest {
    private final Backend backend = new CpuBackend();
    private final Backend second = new CpuBackend();

    @Override
    protected Backend backend() {
        return backend;
    }

    @Override
    protected Backend secondBackend() {
        return second;
    }
}
