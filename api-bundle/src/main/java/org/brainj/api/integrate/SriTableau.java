package org.brainj.api.integrate;

import java.util.Arrays;

/**
 * A stochastic Runge-Kutta method of Rößler's SRI class for Itô SDEs with scalar noise
 * (Rößler, "Runge-Kutta methods for the strong approximation of solutions of stochastic
 * differential equations", SIAM J. Numer. Anal. 48(3), 2010), as data: stage coefficients of the
 * drift stages {@code H0} ({@code a0}, {@code b0}) and the diffusion stages {@code H1}
 * ({@code a1}, {@code b1}), all strictly lower triangular; drift weights {@code alpha}; the
 * diffusion weights {@code beta1..beta4} of {@code I_1, I_(1,1)/sqrt(h), I_(1,0)/h, I_(1,1,1)/h}.
 * Nodes are the row sums of {@code a0} and {@code a1}.
 */
public record SriTableau(String name, double[][] a0, double[][] b0, double[][] a1, double[][] b1, double[] alpha,
                         double[] beta1, double[] beta2, double[] beta3, double[] beta4, double strongOrder) {

    public int stages() {
        return alpha.length;
    }

    /** Node of drift stage {@code i}: the row sum of {@code a0}. */
    public double c0(int i) {
        return Arrays.stream(a0[i]).sum();
    }

    /** Node of diffusion stage {@code i}: the row sum of {@code a1}. */
    public double c1(int i) {
        return Arrays.stream(a1[i]).sum();
    }

    /** Rößler's SRI1W1 (the reference's {@code srk1w1_scalar}): strong order 1.5. */
    public static final SriTableau SRI1W1 = new SriTableau("srk1w1_scalar",
            new double[][] {{0, 0, 0, 0}, {0.75, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
            new double[][] {{0, 0, 0, 0}, {1.5, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}},
            new double[][] {{0, 0, 0, 0}, {0.25, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 0.25, 0}},
            new double[][] {{0, 0, 0, 0}, {0.5, 0, 0, 0}, {-1, 0, 0, 0}, {-5, 3, 0.5, 0}},
            new double[] {1.0 / 3, 2.0 / 3, 0, 0},
            new double[] {-1, 4.0 / 3, 2.0 / 3, 0},
            new double[] {-1, 4.0 / 3, -1.0 / 3, 0},
            new double[] {2, -4.0 / 3, -2.0 / 3, 0},
            new double[] {-2, 5.0 / 3, -2.0 / 3, 1},
            1.5);

    /** Rößler's SRI2W1 (the reference's {@code srk2w1_scalar}): strong order 1.5, deterministic order 3. */
    public static final SriTableau SRI2W1 = new SriTableau("srk2w1_scalar",
            new double[][] {{0, 0, 0, 0}, {1, 0, 0, 0}, {0.25, 0.25, 0, 0}, {0, 0, 0, 0}},
            new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {1, 0.5, 0, 0}, {0, 0, 0, 0}},
            new double[][] {{0, 0, 0, 0}, {0.25, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 0.25, 0}},
            new double[][] {{0, 0, 0, 0}, {-0.5, 0, 0, 0}, {1, 0, 0, 0}, {2, -1, 0.5, 0}},
            new double[] {1.0 / 6, 1.0 / 6, 2.0 / 3, 0},
            new double[] {-1, 4.0 / 3, 2.0 / 3, 0},
            new double[] {1, -4.0 / 3, 1.0 / 3, 0},
            new double[] {2, -4.0 / 3, -2.0 / 3, 0},
            new double[] {-2, 5.0 / 3, -2.0 / 3, 1},
            1.5);

    /**
     * Kloeden and Platen's derivative-free order-1.0 scheme ("Numerical Solution of SDEs", 1992,
     * (11.1.3); the reference's {@code KlPl_scalar}) in SRI form: one supporting value
     * {@code x + f h + g sqrt(h)}, weights {@code I_1} on {@code g(x)} and {@code I_(1,1)/sqrt(h)} on
     * the difference of the two diffusions.
     */
    public static final SriTableau KLPL = new SriTableau("KlPl_scalar",
            new double[][] {{0, 0}, {0, 0}},
            new double[][] {{0, 0}, {0, 0}},
            new double[][] {{0, 0}, {1, 0}},
            new double[][] {{0, 0}, {1, 0}},
            new double[] {1, 0},
            new double[] {1, 0},
            new double[] {-1, 1},
            new double[] {0, 0},
            new double[] {0, 0},
            1.0);
}
