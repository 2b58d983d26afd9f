package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.junit.jupiter.api.Test;

/**
 * Integration from equation text: exponential Euler and {@code exact} against the analytic
 * solutions of linear ODEs, refusals of nonlinear systems, and the text form against the Java
 * lambda form of the reference's Hodgkin-Huxley model.
 */
class SymbolicIntegrationTest {
    static final Equations LIF = Equations.parse("dV/dt = (-(V - V_rest) + R*I) / tau : 1");
    static final Map<String, Double> LIF_PARAMS = Map.of("V_rest", -65.0, "R", 10.0, "I", 2.0, "tau", 10.0);

    static final Equations HH = Equations.parse("""
            dV/dt = (-I_Na - I_K - I_leak + Iext) / C : 1
            dm/dt = alpha_m*(1 - m) - beta_m*m : 1
            dh/dt = alpha_h*(1 - h) - beta_h*h : 1
            dn/dt = alpha_n*(1 - n) - beta_n*n : 1
            alpha_m = 0.1*(V + 40)/(1 - exp(-(V + 40)/10)) : 1
            beta_m = 4.0*exp(-(V + 65)/18) : 1
            alpha_h = 0.07*exp(-(V + 65)/20.) : 1
            beta_h = 1/(1 + exp(-(V + 35)/10)) : 1
            alpha_n = 0.01*(V + 55)/(1 - exp(-(V + 55)/10)) : 1
            beta_n = 0.125*exp(-(V + 65)/80) : 1
            I_Na = gNa*m^3*h*(V - ENa) : 1
            I_K = gK*n^4*(V - EK) : 1
            I_leak = gL*(V - EL) : 1
            """);
    static final Map<String, Double> HH_PARAMS = Map.of("Iext", HodgkinHuxleyTest.IEXT, "ENa", HodgkinHuxleyTest.ENA,
            "EK", HodgkinHuxleyTest.EK, "EL", HodgkinHuxleyTest.EL, "C", HodgkinHuxleyTest.C, "gNa",
            HodgkinHuxleyTest.GNA, "gK", HodgkinHuxleyTest.GK, "gL", HodgkinHuxleyTest.GL);

    /** V(t) = V_inf + (V0 - V_inf) exp(-t/tau), V_inf = V_rest + R I: the analytic solution. */
    static double lif(double v0, double t) {
        double vInf = -65 + 10 * 2;
        return vInf + (v0 - vInf) * Math.exp(-t / 10);
    }

    @Test
    void exponentialEulerAndExactSolveTheLinearOdeExactly() {
        for (String method : List.of("exponential_euler", "exact")) {
            Trajectory tr = Odeint.of(LIF, LIF_PARAMS).method(method).integrate(new double[] {-70}, 0, 50, 2.5);
            for (int k = 0; k < tr.size(); k++) {
                assertEquals(lif(-70, tr.times()[k]), tr.states()[k][0], 1e-12 * 70, method + " at " + tr.times()[k]);
            }
        }
    }

    @Test
    void exactSolvesACoupledLinearSystem() {
        // V' = (-V + R g)/tau, g' = -g/tau_s: g = g0 e^(-t/tau_s),
        // V = V0 e^(-t/tau) + (R g0/tau) (e^(-t/tau_s) - e^(-t/tau)) / (1/tau - 1/tau_s)
        Equations eqs = Equations.parse("""
                dV/dt = (-V + R*g)/tau : 1
                dg/dt = -g/tau_s : 1
                """);
        double r = 3;
        double tau = 10;
        double tauS = 2;
        Trajectory tr = Odeint.of(eqs, Map.of("R", r, "tau", tau, "tau_s", tauS)).method("exact")
                .integrate(new double[] {1, 5}, 0, 30, 0.75);
        for (int k = 0; k < tr.size(); k++) {
            double t = tr.times()[k];
            double g = 5 * Math.exp(-t / tauS);
            double v = Math.exp(-t / tau) + r * 5 / tau * (Math.exp(-t / tauS) - Math.exp(-t / tau)) / (1 / tau - 1 / tauS);
            assertEquals(v, tr.states()[k][0], 1e-12, "V at " + t);
            assertEquals(g, tr.states()[k][1], 1e-12, "g at " + t);
        }
    }

    @Test
    void exactRefusesNonlinearAndTimeDependentEquations() {
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> Odeint.of(HH, HH_PARAMS).method("exact").step(0, new double[4], 0.01));
        assertTrue(e.getMessage().contains("dV/dt") && e.getMessage().contains("exponential_euler"), e.getMessage());
        UnsupportedMethodException time = assertThrows(UnsupportedMethodException.class,
                () -> Odeint.of(Equations.parse("dx/dt = -x + sin(t) : 1"), Map.of()).method("exact")
                        .step(0, new double[] {1}, 0.1));
        assertTrue(time.getMessage().contains("dx/dt") && time.getMessage().contains("depends on t"),
                time.getMessage());
    }

    @Test
    void equationTextAndJavaLambdaGiveTheSameHodgkinHuxleyRun() {
        double[] fromText = Odeint.of(HH, HH_PARAMS).method("rk4").integrate(new double[4], 0, 20, 0.01).of("V");
        double[] fromLambda = Odeint.of(HodgkinHuxleyTest.VARIABLES, HodgkinHuxleyTest.hh()).method("rk4")
                .integrate(new double[4], 0, 20, 0.01).of("V");
        assertEquals(fromLambda.length, fromText.length);
        for (int k = 0; k < fromText.length; k++) {
            assertEquals(fromLambda[k], fromText[k], 1e-9, "V at step " + k);
        }
    }

    @Test
    void exponentialEulerRunsHodgkinHuxleyAtALargeStep() {
        // the reference runs HH with exponential_euler at dt = 0.2 ms (where euler blows up at 0.1 ms)
        // and plots regular firing; a first-order method at that step may lose one spike of
        // Dormand-Prince 8(5,3)'s, and stays within the physiological range of V
        Trajectory tr = Odeint.of(HH, HH_PARAMS).method("exponential_euler").integrate(new double[4], 0, 100, 0.2);
        int spikes = 0;
        double[] v = tr.of("V");
        for (int k = 1; k < v.length; k++) {
            assertTrue(v[k] > -90 && v[k] < 60, "V = " + v[k] + " at " + tr.times()[k]);
            if (v[k - 1] < 0 && v[k] >= 0) {
                spikes++;
            }
        }
        assertEquals(HodgkinHuxleyTest.referenceSpikes().size(), spikes, 1, "spike count vs Dormand-Prince 8(5,3)");
    }

    @Test
    void noiseTermsOfTheTextBecomeTheSdesDiffusion() {
        Equations ou = Equations.parse("dx/dt = -x/tau + sigma*xi/sqrt(tau) : 1");
        DifferentialSystem s = DifferentialSystem.of(ou);
        assertEquals(List.of("xi"), s.noises());
        assertEquals(WienerType.SCALAR, s.wienerType());
        // Ornstein-Uhlenbeck: Var x(t) -> sigma^2/2 for x0 = 0 (Kloeden-Platen 4.4), Euler-Maruyama at small dt
        Sdeint sde = Sdeint.of(ou, Map.of("tau", 1.0, "sigma", 0.8)).method("euler").seed(11);
        double sum2 = 0;
        int paths = 2000;
        for (int p = 0; p < paths; p++) {
            double x = sde.element(p).integrate(new double[] {0}, 0, 5, 0.02).last()[0];
            sum2 += x * x;
        }
        double variance = 0.8 * 0.8 / 2 * (1 - Math.exp(-10));
        // standard error of a variance estimate: variance * sqrt(2/paths)
        assertEquals(variance, sum2 / paths, 4 * variance * Math.sqrt(2.0 / paths) + 0.01 * variance);
    }
}
