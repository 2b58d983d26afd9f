package org.brainj.backend.aparapi;

import org.brainj.api.tensor.Backend;
import org.brainj.backend.conformance.BackendConformanceTest;

/**
 * The Aparapi backend against the whole conformance kit, every operation launched on the OpenCL
 * device (PoCL in CI). A launch that does not run on OpenCL throws, so a fallback to Java threads
 * fails these tests instead of passing them; without an OpenCL platform they are skipped
 * ({@link RequiresOpenCL}). Transfers go between two instances, two OpenCL contexts.
 */
@RequiresOpenCL
class AparapiBackendConformanceTest extends BackendConformanceTest {
    private static final Backend BACKEND = new AparapiBackend();
    private static final Backend SECOND = new AparapiBackend();

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected Backend secondBackend() {
        return SECOND;
    }
}
