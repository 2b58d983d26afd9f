package org.brainj.api.integrate;

import java.util.List;

/**
 * A system of differential equations as an integration scheme sees it, in the scheme's
 * {@link Arithmetic}: the drift {@code f(t, x)} of each variable, and for SDEs the diffusion
 * {@code g(t, x)} of each variable for each Wiener process.
 *
 * @param <S> the scalar of the arithmetic
 */
public interface VectorField<S> {
    /** The state variables in order, for messages and step-program names. */
    List<String> variables();

    /** {@code dx_i/dt} at {@code (t, x)}. */
    List<S> drift(S t, List<S> x);

    /** How many independent Wiener processes drive the system (0 for an ODE). */
    default int noiseCount() {
        return 0;
    }

    /** {@code g[i][j]}: how Wiener process {@code j} moves variable {@code i}. */
    default List<List<S>> diffusion(S t, List<S> x) {
        throw new UnsupportedMethodException("the system of " + variables()
                + " has no diffusion terms; integrate it with an ODE method");
    }

    /**
     * The linear coefficient {@code d f_i / d x_i} of each variable at {@code (t, x)}, which
     * exponential Euler needs; only equations given symbolically have it.
     */
    default List<S> linearCoefficients(S t, List<S> x) {
        throw new UnsupportedMethodException("exponential_euler needs the linear part d f/d x of each equation, "
                + "which a Java lambda does not reveal; give the equations as text (or expressions) instead");
    }

    /**
     * The system as {@code x' = A x + b} with {@code A}, {@code b} independent of the state, which
     * the {@code exact} method needs; refused (naming the variable) when it is not of that form.
     */
    default Affine<S> affine(S t) {
        throw new UnsupportedMethodException("exact needs the equations symbolically to check they are linear with "
                + "constant coefficients; a Java lambda does not reveal that. Give the equations as text instead");
    }

    /**
     * {@code x' = A x + b}: {@code a.get(i).get(j)} is {@code null} where the coefficient is
     * structurally zero.
     */
    record Affine<S>(List<List<S>> a, List<S> b) {
        /** Whether every equation involves only its own variable. */
        public boolean isDiagonal() {
            for (int i = 0; i < a.size(); i++) {
                for (int j = 0; j < a.size(); j++) {
                    if (i != j && a.get(i).get(j) != null) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * {@code r[i][j]}: whether {@code x_j} reaches {@code x_i} through the nonzero coefficients
         * (or {@code i == j}), i.e. whether entry {@code (i, j)} of {@code exp(A dt)} can be nonzero.
         */
        public boolean[][] reachable() {
            int n = a.size();
            boolean[][] r = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] = i == j || a.get(i).get(j) != null;
                }
            }
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        r[i][j] |= r[i][k] && r[k][j];
                    }
                }
            }
            return r;
        }
    }
}
