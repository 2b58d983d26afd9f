package org.brainj.backend.cpu;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.CustomOp;
import org.brainj.api.tensor.Tensor;

/** A custom operation of the CPU backend for the tests: softplus(x) = log(1 + e^x). */
public final class Softplus implements CustomOp {
    @Override
    public String name() {
        return "softplus";
    }

    @Override
    public String backendName() {
        return "cpu";
    }

    @Override
    public Tensor apply(Backend backend, Tensor... args) {
        Tensor x = args[0];
        return backend.log(backend.add(backend.ones(x.dtype()), backend.exp(x)));
    }
}
