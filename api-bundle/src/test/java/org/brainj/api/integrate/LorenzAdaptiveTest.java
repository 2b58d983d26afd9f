package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adaptive stepping on the reference's Lorenz system (sigma 10, beta 8/3, rho 28, from (1, 1, 1)),
 * against Hipparchus's Dormand-Prince 8(5,3) at tolerance 1e-13 as the independent reference:
 * every accepted step's local error is within {@code tol}, and the steps adapt. Fehlberg's rkf12
 * runs at a tighter tol, where its steps are small enough ({@code h << 1/256}) for its estimate
 * to hold (see {@link EmbeddedErrorEstimateTest}).
 */
class LorenzAdaptiveTest {
    static final double SIGMA = 10;
    static final double BETA = 8.0 / 3;
    static final double RHO = 28;

    static Derivatives lorenz() {
        return (t, x, d) -> {
            d[0] = SIGMA * (x[1] - x[0]);
            d[1] = x[0] * (RHO - x[2]) - x[1];
            d[2] = x[0] * x[1] - BETA * x[2];
        };
    }

    /** Hipparchus DP853, tight tolerance: the reference solution from {@code x} at {@code t0} to {@code t1}. */
    static double[] reference(double t0, double[] x, double t1) {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 3;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[3];
                lorenz().compute(t, y, d);
                return d;
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-10, 1, 1e-13, 1e-13);
        return dp.integrate(ode, new ODEState(t0, x.clone()), t1).getPrimaryState();
    }

    static Stream<String> embedded() {
        return Tableaus.names().stream().filter(n -> Tableaus.of(n).isEmbedded());
    }

    @ParameterizedTest
    @MethodSource("embedded")
    void everyAcceptedStepMeetsTol(String name) {
        double tol = name.equals("rkf12") ? 1e-8 : 1e-6;
        Odeint ode = Odeint.of(List.of("x", "y", "z"), lorenz()).method(name).adaptive(tol);
        double t = 0;
        double[] x = {1, 1, 1};
        double dt = 0.05;
        double minDt = Double.MAX_VALUE;
        double maxDt = 0;
        while (t < 1) {
            AdaptiveStep s = ode.adaptiveStep(t, x, dt);
            double[] ref = reference(t, x, s.t());
            for (int i = 0; i < 3; i++) {
                assertTrue(Math.abs(s.x()[i] - ref[i]) <= tol,
                        name + ": local error " + Math.abs(s.x()[i] - ref[i]) + " > tol at t = " + t);
            }
            assertTrue(s.error() <= tol);
            minDt = Math.min(minDt, s.dt());
            maxDt = Math.max(maxDt, s.dt());
            t = s.t();
            x = s.x();
            dt = s.dtNext();
        }
        assertTrue(maxDt > 2 * minDt, name + " did not adapt its step: " + minDt + " .. " + maxDt);
    }

    @Test
    void globalErrorShrinksWithTol() {
        double[] ref = reference(0, new double[] {1, 1, 1}, 1);
        double previous = Double.MAX_VALUE;
        for (double tol : new double[] {1e-4, 1e-6, 1e-8}) {
            double[] x = Odeint.of(List.of("x", "y", "z"), lorenz()).method("rkdp").adaptive(tol)
                    .integrate(new double[] {1, 1, 1}, 0, 1, 0.01).last();
            double err = Math.max(Math.abs(x[0] - ref[0]), Math.max(Math.abs(x[1] - ref[1]), Math.abs(x[2] - ref[2])));
            assertTrue(err < previous, "tol " + tol + ": " + err);
            assertTrue(err < 1000 * tol, "tol " + tol + ": global error " + err);
            previous = err;
        }
    }

    @Test
    void integrateEndsExactlyAtT1() {
        Trajectory tr = Odeint.of(List.of("x", "y", "z"), lorenz()).method("rkf45").adaptive(1e-3)
                .integrate(new double[] {1, 1, 1}, 0, 1, 0.05);
        assertEquals(1.0, tr.times()[tr.size() - 1], 0);
    }
}
