package org.brainj.backend.conformance;

import java.lang.reflect.Proxy;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * A tensor of no real backend, only host arrays: what a backend under test sees as a foreign
 * tensor. Its backend answers {@link Backend#name()} ({@value #BACKEND_NAME}) and nothing else.
 */
final class HostTensor implements Tensor {
    static final String BACKEND_NAME = "host-only";
    private static final Backend HOST = (Backend) Proxy.newProxyInstance(HostTensor.class.getClassLoader(),
            new Class<?>[] {Backend.class}, (proxy, method, args) -> switch (method.getName()) {
                case "name" -> BACKEND_NAME;
                case "description" -> "host arrays of the conformance kit";
                case "toString" -> BACKEND_NAME;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> throw new UnsupportedOperationException(method.getName() + " on the kit's host tensor");
            });

    private final DType dtype;
    private final double[] values;
    private final int[] shape;

    HostTensor(DType dtype, double[] values, int... shape) {
        this.dtype = dtype;
        this.values = Reference.stored(dtype, values);
        this.shape = shape.clone();
    }

    @Override
    public Backend backend() {
        return HOST;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public double[] toDoubleArray() {
        return values.clone();
    }

    @Override
    public float[] toFloatArray() {
        return Reference.toFloats(values);
    }

    @Override
    public int[] toIntArray() {
        return Reference.toInts(values);
    }

    @Override
    public boolean[] toBooleanArray() {
        return Reference.toBooleans(values);
    }
}
