package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rößler's SRI1W1 and SRI2W1 tableaus satisfy the conditions for strong order 1.5 of
 * Rößler (2010), SIAM J. Numer. Anal. 48(3), Theorem 6.3 (with {@code e} the vector of ones).
 */
class SriOrderConditionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"srk1w1_scalar", "srk2w1_scalar"})
    void strongOrderOneAndAHalfConditions(String name) {
        SriTableau t = name.equals("srk1w1_scalar") ? SriTableau.SRI1W1 : SriTableau.SRI2W1;
        double[] e = ones(t.stages());
        double[] b1e = mul(t.b1(), e);
        double[] b0e = mul(t.b0(), e);
        double tol = 1e-12;
        assertEquals(1, dot(t.alpha(), e), tol);
        assertEquals(1, dot(t.beta1(), e), tol);
        assertEquals(0, dot(t.beta2(), e), tol);
        assertEquals(0, dot(t.beta3(), e), tol);
        assertEquals(0, dot(t.beta4(), e), tol);
        assertEquals(0, dot(t.beta1(), b1e), tol);
        assertEquals(1, dot(t.beta2(), b1e), tol);
        assertEquals(0, dot(t.beta3(), b1e), tol);
        assertEquals(0, dot(t.beta4(), b1e), tol);
        assertEquals(0.5, dot(t.alpha(), mul(t.a0(), e)), tol);
        assertEquals(1, dot(t.alpha(), b0e), tol);
        assertEquals(1.5, dot(t.alpha(), square(b0e)), tol);
        assertEquals(1, dot(t.beta1(), mul(t.a1(), e)), tol);
        assertEquals(0, dot(t.beta2(), mul(t.a1(), e)), tol);
        assertEquals(-1, dot(t.beta3(), mul(t.a1(), e)), tol);
        assertEquals(0, dot(t.beta4(), mul(t.a1(), e)), tol);
        assertEquals(1, dot(t.beta1(), square(b1e)), tol);
        assertEquals(0, dot(t.beta2(), square(b1e)), tol);
        assertEquals(-1, dot(t.beta3(), square(b1e)), tol);
        assertEquals(2, dot(t.beta4(), square(b1e)), tol);
        assertEquals(0, dot(t.beta1(), mul(t.b1(), b1e)), tol);
        assertEquals(0, dot(t.beta2(), mul(t.b1(), b1e)), tol);
        assertEquals(0, dot(t.beta3(), mul(t.b1(), b1e)), tol);
        assertEquals(1, dot(t.beta4(), mul(t.b1(), b1e)), tol);
        assertEquals(0, 0.5 * dot(t.beta1(), mul(t.a1(), b0e)) + dot(t.beta3(), mul(t.a1(), b0e)) / 3, tol);
    }

    private static double[] ones(int n) {
        double[] e = new double[n];
        java.util.Arrays.fill(e, 1);
        return e;
    }

    private static double[] mul(double[][] m, double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = dot(m[i], v);
        }
        return r;
    }

    private static double[] square(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] * v[i];
        }
        return r;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
