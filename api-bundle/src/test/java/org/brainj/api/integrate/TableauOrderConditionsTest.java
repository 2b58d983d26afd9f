package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tableau of the catalog satisfies Butcher's order conditions (Butcher, "Numerical Methods
 * for ODEs", 2016, Table 312(I): one condition per rooted tree, here all trees up to order 4)
 * up to its stated order, for the propagated weights and for the embedded ones.
 */
class TableauOrderConditionsTest {

    static Stream<String> names() {
        return Tableaus.names().stream();
    }

    @ParameterizedTest
    @MethodSource("names")
    void propagatedWeightsMeetTheOrderConditions(String name) {
        ButcherTableau t = Tableaus.of(name);
        checkConditions(name, t, t.b(), Math.min(t.order(), 4));
    }

    @ParameterizedTest
    @MethodSource("names")
    void embeddedWeightsMeetTheOrderConditions(String name) {
        ButcherTableau t = Tableaus.of(name);
        if (t.isEmbedded()) {
            checkConditions(name + " (embedded)", t, t.bHat(), Math.min(t.embeddedOrder(), 4));
        }
    }

    private static void checkConditions(String what, ButcherTableau t, double[] b, int order) {
        double[][] a = t.a();
        double[] c = t.c();
        int s = b.length;
        double[] ac = new double[s];
        double[] ac2 = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                ac[i] += a[i][j] * c[j];
                ac2[i] += a[i][j] * c[j] * c[j];
            }
        }
        double[] aac = new double[s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < i; j++) {
                aac[i] += a[i][j] * ac[j];
            }
        }
        double tol = 1e-12;
        // trees of order 1 .. 4, with their densities gamma: sum b*phi = 1/gamma
        assertEquals(1, sum(b, i -> 1), tol, what + ": sum b");
        if (order >= 2) {
            assertEquals(1.0 / 2, sum(b, i -> c[i]), tol, what + ": sum b c");
        }
        if (order >= 3) {
            assertEquals(1.0 / 3, sum(b, i -> c[i] * c[i]), tol, what + ": sum b c^2");
            assertEquals(1.0 / 6, sum(b, i -> ac[i]), tol, what + ": sum b a c");
        }
        if (order >= 4) {
            assertEquals(1.0 / 4, sum(b, i -> c[i] * c[i] * c[i]), tol, what + ": sum b c^3");
            assertEquals(1.0 / 8, sum(b, i -> c[i] * ac[i]), tol, what + ": sum b c a c");
            assertEquals(1.0 / 12, sum(b, i -> ac2[i]), tol, what + ": sum b a c^2");
            assertEquals(1.0 / 24, sum(b, i -> aac[i]), tol, what + ": sum b a a c");
        }
    }

    private static double sum(double[] b, java.util.function.IntToDoubleFunction phi) {
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            s += b[i] * phi.applyAsDouble(i);
        }
        return s;
    }
}
