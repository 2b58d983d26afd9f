package org.brainj.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each type comes from a linear system x' = A (x - x0) built to have it; the fixed point is x0. */
class StabilityTypesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "saddle node;         1;  0;  0; -1",     // eigenvalues 1, -1
            "center;              0;  1; -1;  0",     // +-i
            "stable node;        -1;  0;  0; -2",
            "unstable node;       1;  0;  0;  2",
            "stable focus;       -1;  2; -2; -1",     // -1 +- 2i
            "unstable focus;      1;  2; -2;  1",
            "stable star;        -3;  0;  0; -3",     // -3 I: every direction an eigenvector
            "unstable star;       3;  0;  0;  3",
            "stable degenerate;  -3;  1;  0; -3",     // Jordan block: one eigenvector
            "unstable degenerate; 3;  1;  0;  3",
            "center manifold;    -1;  0;  0;  0",     // det 0, trace < 0
            "unstable line;       1;  0;  0;  0"})    // det 0, trace > 0
    void eachTwoDimensionalTypeFromALinearSystemBuiltForIt(String label, double a, double b, double c, double d) {
        Equations eq = Equations.parse("dx/dt = a*(x - 0.5) + b*(y + 0.25) : 1\ndy/dt = c*(x - 0.5) + d*(y + 0.25) : 1");
        Subsystem s = Subsystem.of(eq, List.of("x", "y"), Map.of("a", a, "b", b, "c", c, "d", d));
        double[] x0 = {0.5, -0.25};
        assertEquals(0, s.field(x0)[0], 0);
        assertEquals(label, Stability.classify(s.jacobian(x0)).type().label());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"stable point; -2", "unstable point; 2", "saddle node; 0"})
    void oneDimensionalTypesFromTheSlope(String label, double slope) {
        assertEquals(label, Stability.classify(new double[][] {{slope}}).type().label());
    }

    @Test
    void threeDimensionalTypesFromTheEigenvalues() {
        assertEquals(StabilityType.STABLE_NODE, Stability.classify(diag(-1, -2, -3)).type());
        assertEquals(StabilityType.UNSTABLE_NODE, Stability.classify(diag(1, 2, 3)).type());
        assertEquals(StabilityType.UNSTABLE_SADDLE, Stability.classify(diag(-1, 2, -3)).type());
        double[][] spiral = {{-1, 2, 0}, {-2, -1, 0}, {0, 0, -3}};
        assertEquals(StabilityType.STABLE_FOCUS, Stability.classify(spiral).type());
        spiral[2][2] = 3;
        assertEquals(StabilityType.SADDLE_FOCUS, Stability.classify(spiral).type());
    }

    private static double[][] diag(double a, double b, double c) {
        return new double[][] {{a, 0, 0}, {0, b, 0}, {0, 0, c}};
    }
}
