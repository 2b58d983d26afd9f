package org.brainj.api.integrate;

/** The drift of a few variables as a Java lambda: writes {@code dx/dt} at {@code (t, x)} into {@code dxdt}. */
@FunctionalInterface
public interface Derivatives {
    void compute(double t, double[] x, double[] dxdt);
}
