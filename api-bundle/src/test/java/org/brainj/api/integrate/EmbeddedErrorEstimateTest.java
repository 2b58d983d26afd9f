package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each embedded pair's error estimate tracks the true local error of its embedded solution: one
 * step from the exact state of {@code y' = -2 t y^2} (solution {@code 1/(1+t^2)}), where the
 * estimate {@code x_high - x_low} must equal {@code x_low}'s true error up to the higher-order
 * part, which vanishes as the step shrinks.
 */
class EmbeddedErrorEstimateTest {
    static Stream<String> embedded() {
        return Tableaus.names().stream().filter(n -> Tableaus.of(n).isEmbedded());
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void estimateTracksTheTrueErrorOfTheEmbeddedSolution(String name) {
        Odeint ode = ConvergenceOrderTest.problem().method(name);
        double t0 = 0.5;
        double h0 = name.equals("rkf12") ? 3.2e-4 : 0.02;
        for (double h : new double[] {h0, h0 / 2, h0 / 4}) {
            var r = ode.stepWithError(t0, new double[] {ConvergenceOrderTest.exact(t0)}, h);
            double estimate = r.error().get(0);
            double low = r.x().get(0) - estimate;
            double trueError = ConvergenceOrderTest.exact(t0 + h) - low; // analytic solution
            assertEquals(1, estimate / trueError, 0.15, name + " at h = " + h);
        }
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void estimateScalesWithTheEmbeddedOrderPlusOne(String name) {
        Odeint ode = ConvergenceOrderTest.problem().method(name);
        double t0 = 0.5;
        double x0 = ConvergenceOrderTest.exact(t0);
        double e1 = Math.abs(ode.stepWithError(t0, new double[] {x0}, 0.01).error().get(0));
        double e2 = Math.abs(ode.stepWithError(t0, new double[] {x0}, 0.005).error().get(0));
        double observed = Math.log(e1 / e2) / Math.log(2);
        assertTrue(Math.abs(observed - (Tableaus.of(name).embeddedOrder() + 1)) < 0.25, name + ": " + observed);
    }
}
