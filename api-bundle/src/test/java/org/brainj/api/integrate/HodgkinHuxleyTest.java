package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reference's Hodgkin-Huxley example (its parameters: Iext 10, ENa 50, EK -77, EL -54.387,
 * C 1, gNa 120, gK 36, gL 0.03; V, m, h, n from 0; 100 ms): rk4 at dt 0.01 ms gives the spike
 * times of Hipparchus's Dormand-Prince 8(5,3) at tolerance 1e-12 within 0.05 ms; Euler at
 * dt 0.1 ms and rk4 at dt 0.2 ms blow up, as the reference's overflow warnings show, and say
 * where; Euler at 0.02 ms and rk4 at 0.1 ms do not, as the reference's plots show.
 */
class HodgkinHuxleyTest {
    static final double IEXT = 10;
    static final double ENA = 50;
    static final double EK = -77;
    static final double EL = -54.387;
    static final double C = 1;
    static final double GNA = 120;
    static final double GK = 36;
    static final double GL = 0.03;
    static final List<String> VARIABLES = List.of("V", "m", "h", "n");

    static Derivatives hh() {
        return (t, x, d) -> {
            double v = x[0];
            double m = x[1];
            double h = x[2];
            double n = x[3];
            double alpha = 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10));
            double beta = 4.0 * Math.exp(-(v + 65) / 18);
            d[1] = alpha * (1 - m) - beta * m;
            alpha = 0.07 * Math.exp(-(v + 65) / 20.);
            beta = 1 / (1 + Math.exp(-(v + 35) / 10));
            d[2] = alpha * (1 - h) - beta * h;
            alpha = 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10));
            beta = 0.125 * Math.exp(-(v + 65) / 80);
            d[3] = alpha * (1 - n) - beta * n;
            double iNa = GNA * Math.pow(m, 3.0) * h * (v - ENA);
            double iK = GK * Math.pow(n, 4.0) * (v - EK);
            double iLeak = GL * (v - EL);
            d[0] = (-iNa - iK - iLeak + IEXT) / C;
        };
    }

    @Test
    void rk4SpikeTimesAgreeWithDormandPrince853() {
        Trajectory tr = Odeint.of(VARIABLES, hh()).method("rk4").integrate(new double[4], 0, 100, 0.01);
        double[] v = tr.of("V");
        List<Double> spikes = new ArrayList<>();
        for (int k = 1; k < v.length; k++) {
            if (v[k - 1] < 0 && v[k] >= 0) {
                double f = -v[k - 1] / (v[k] - v[k - 1]);
                spikes.add(tr.times()[k - 1] + f * (tr.times()[k] - tr.times()[k - 1]));
            }
        }
        List<Double> expected = referenceSpikes();
        assertTrue(expected.size() >= 5, "the reference fires repetitively at Iext = 10: " + expected);
        assertEquals(expected.size(), spikes.size(), "spike counts: " + expected + " vs " + spikes);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), spikes.get(i), 0.05, "spike " + i);
        }
    }

    /** The reference's runs that overflow: euler at dt 0.1 ms and rk4 at dt 0.2 ms. */
    @ParameterizedTest
    @CsvSource({"euler, 0.1", "rk4, 0.2"})
    void unstableRunsOfTheReferenceBlowUpAndSayWhere(String method, double dt) {
        Odeint ode = Odeint.of(VARIABLES, hh()).method(method);
        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> ode.integrate(new double[4], 0, 100, dt));
        assertTrue(VARIABLES.contains(e.variable()), e.getMessage());
        assertTrue(e.time() > 0 && e.time() <= 100, e.getMessage());
        assertTrue(e.getMessage().contains("'" + e.variable() + "'") && e.getMessage().contains(method),
                e.getMessage());
    }

    /** The reference's runs that stay bounded: euler at dt 0.02 ms and rk4 at dt 0.1 ms. */
    @ParameterizedTest
    @CsvSource({"euler, 0.02", "rk4, 0.1"})
    void stableRunsOfTheReferenceStayPhysiological(String method, double dt) {
        double[] v = Odeint.of(VARIABLES, hh()).method(method).integrate(new double[4], 0, 100, dt).of("V");
        for (double value : v) {
            assertTrue(value > -90 && value < 60, method + ": V = " + value);
        }
    }

    /** Upward zero crossings of V, located by bisection on DP853's dense output. */
    static List<Double> referenceSpikes() {
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 4;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] d = new double[4];
                hh().compute(t, y, d);
                return d;
            }
        };
        DormandPrince853Integrator dp = new DormandPrince853Integrator(1e-8, 0.5, 1e-12, 1e-12);
        List<Double> spikes = new ArrayList<>();
        dp.addStepHandler((ODEStateInterpolator s) -> {
            double a = s.getPreviousState().getTime();
            double b = s.getCurrentState().getTime();
            if (s.getPreviousState().getPrimaryState()[0] < 0 && s.getCurrentState().getPrimaryState()[0] >= 0) {
                for (int i = 0; i < 60; i++) {
                    double mid = 0.5 * (a + b);
                    if (s.getInterpolatedState(mid).getPrimaryState()[0] < 0) {
                        a = mid;
                    } else {
                        b = mid;
                    }
                }
                spikes.add(0.5 * (a + b));
            }
        });
        dp.integrate(ode, new ODEState(0, new double[4]), 100);
        return spikes;
    }
}
