package org.brainj.api.integrate;

/**
 * The diffusion of a few variables as a Java lambda: writes into {@code g[i][j]} how Wiener
 * process {@code j} moves variable {@code i} at {@code (t, x)} ({@code j = 0} only for scalar noise).
 */
@FunctionalInterface
public interface Diffusion {
    void compute(double t, double[] x, double[][] g);
}
