package org.brainj.backend.cpu;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.CustomOp;
import org.brainj.api.tensor.Tensor;

/** A custom operation written for another backend, which the CPU backend must not offer. */
public final class OtherBackendsOp implements CustomOp {
    @Override
    public String name() {
        return "gpu_only";
    }

    @Override
    public String backendName() {
        return "aparapi";
    }

    @Override
    public Tensor apply(Backend backend, Tensor... args) {
        throw new AssertionError("never offered by the cpu backend");
    }
}
