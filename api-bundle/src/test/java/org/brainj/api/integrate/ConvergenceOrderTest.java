package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Empirical convergence order of every Runge-Kutta method on the nonlinear, non-autonomous
 * {@code y' = -2 t y^2}, {@code y(0) = 1}, whose solution is {@code 1 / (1 + t^2)}: the log-log
 * slope of the largest global error over {@code [0, 4]} against halving steps is the method's
 * theoretical order. (The largest error over the run, not the error at one time, so that a sign
 * change of the error at that time cannot fake an order.)
 */
class ConvergenceOrderTest {
    private static final double T = 4;

    static Stream<String> names() {
        return Tableaus.names().stream();
    }

    static double exact(double t) {
        return 1 / (1 + t * t); // the analytic solution
    }

    static Odeint problem() {
        return Odeint.of(List.of("y"), (t, x, dxdt) -> dxdt[0] = -2 * t * x[0] * x[0]);
    }

    @ParameterizedTest
    @MethodSource("names")
    void empiricalOrderMatchesTheTheoreticalOrder(String name) {
        ButcherTableau t = Tableaus.of(name);
        assertEquals(t.order(), slope(problem().method(name)), 0.2, name);
    }

    @Test
    void rk2WithBetaOneHalfIsSecondOrder() {
        assertEquals(2, slope(problem().method(Tableaus.rk2(0.5))), 0.2);
    }

    /** Least-squares slope of log(error) against log(dt) for dt = 0.05 .. 0.00625 (errors stay above round-off). */
    static double slope(Odeint ode) {
        double dt0 = 0.05;
        int levels = 4;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int k = 0; k < levels; k++) {
            double dt = dt0 / (1 << k);
            Trajectory tr = ode.integrate(new double[] {1}, 0, T, dt);
            double error = 0;
            for (int j = 0; j < tr.size(); j++) {
                error = Math.max(error, Math.abs(tr.states()[j][0] - exact(tr.times()[j])));
            }
            double lx = Math.log(dt);
            double ly = Math.log(error);
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        return (levels * sxy - sx * sy) / (levels * sxx - sx * sx);
    }
}
