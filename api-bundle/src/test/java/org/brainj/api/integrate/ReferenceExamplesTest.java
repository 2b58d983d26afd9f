package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;

/** The reference's stand-alone examples: FitzHugh-Nagumo (odeint) and the noisy Lorenz system (sdeint). */
class ReferenceExamplesTest {
    static final double A = 0.7;
    static final double B = 0.8;
    static final double TAU = 12.5;
    static final double IEXT = 1;

    static Derivatives fitzHughNagumo() {
        return (t, x, d) -> {
            d[0] = x[0] - x[0] * x[0] * x[0] / 3 - x[1] + IEXT;
            d[1] = (x[0] + A - B * x[1]) / TAU;
        };
    }

    /** The reference's parameters (a 0.7, b 0.8, tau 12.5, Iext 1; V, w from 0; 100 ms) against DP853 at 1e-12. */
    @Test
    void fitzHughNagumoAgreesWithDormandPrince853() {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[2];
                fitzHughNagumo().compute(t, y, d);
                return d;
            }
        };
        double[] reference = new DormandPrince853Integrator(1e-8, 1, 1e-12, 1e-12)
                .integrate(ode, new ODEState(0, new double[2]), 100).getPrimaryState();
        double[] rk4 = Odeint.of(List.of("V", "w"), fitzHughNagumo()).method("rk4")
                .integrate(new double[2], 0, 100, 0.01).last();
        assertEquals(reference[0], rk4[0], 1e-6);
        assertEquals(reference[1], rk4[1], 1e-6);
        // the reference's own call uses the default method, euler, at dt 0.01: first order, within 0.05
        double[] euler = Odeint.of(List.of("V", "w"), fitzHughNagumo()).integrate(new double[2], 0, 100, 0.01).last();
        assertEquals(reference[0], euler[0], 0.05);
    }

    /**
     * The reference's noisy Lorenz system (sigma 10, beta 8/3, rho 28, g = 0.1 (x, y, z), Itô,
     * scalar Wiener, dt 0.005, 50 time units, from (1, 1, 1)) stays on the Lorenz attractor,
     * whose extent is |x| < 20, |y| < 28, 0 < z < 50 (Sparrow, "The Lorenz Equations", 1982),
     * with a margin for the noise; and the noise moves it off the deterministic orbit.
     */
    @Test
    void noisyLorenzStaysOnTheAttractor() {
        Sdeint lorenz = Sdeint.scalar(List.of("x", "y", "z"), LorenzAdaptiveTest.lorenz(), (t, x, g) -> {
            g[0][0] = 0.1 * x[0];
            g[1][0] = 0.1 * x[1];
            g[2][0] = 0.1 * x[2];
        }).seed(1);
        Trajectory noisy = lorenz.integrate(new double[] {1, 1, 1}, 0, 50, 0.005);
        for (double[] s : noisy.states()) {
            assertTrue(Math.abs(s[0]) < 30 && Math.abs(s[1]) < 40 && s[2] > -1 && s[2] < 65,
                    "left the attractor: " + java.util.Arrays.toString(s));
        }
        double[] deterministic = Odeint.of(List.of("x", "y", "z"), LorenzAdaptiveTest.lorenz())
                .integrate(new double[] {1, 1, 1}, 0, 50, 0.005).last();
        assertTrue(Math.abs(noisy.last()[0] - deterministic[0]) > 1e-3);
    }
}
