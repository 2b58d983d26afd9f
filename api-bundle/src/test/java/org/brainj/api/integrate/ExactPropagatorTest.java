package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.program.Assign;
import org.brainj.api.program.StepProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code exact} on coupled linear systems in a step program: propagators computed once per run
 * (bound as the runtime binds them) and applied per element, against closed-form solutions, and
 * the propagator entries themselves against NEST's closed forms for iaf_psc_exp (Rotter and
 * Diesmann 1999), in SI units, where the coupling 1 / C_m is some 10^9 times the decay rates.
 */
class ExactPropagatorTest {
    /** A membrane driven by a decaying current, relaxing to E: iaf_psc_exp's subthreshold system. */
    private static final Equations MEMBRANE = Equations.parse("""
            dV/dt = (E - V + R*g)/tau : 1
            dg/dt = -g/tau_s : 1
            """);

    @ParameterizedTest
    @ValueSource(doubles = {2, 10})
    void coupledProgramGivesTheClosedFormIncludingEqualTimeConstants(double tauS) {
        DifferentialSystem system = DifferentialSystem.of(MEMBRANE);
        StepProgram program = StepPrograms.ode(system, "exact");
        assertEquals(1, program.propagators().size());
        for (Assign a : program.body()) {
            assertFalse(containsCall(a.value()), "per element only multiply-adds, no exp: " + a);
        }
        double r = 3, tau = 10, e = -65, v0 = -70, g0 = 5, dt = 0.1;
        Map<String, Double> params = Map.of("R", r, "tau", tau, "tau_s", tauS, "E", e);
        for (int steps : new int[] {1, 7, 300}) {
            double[] x = StepProgramInterpretationTest.run(program, system.variables(), new double[] {v0, g0}, params,
                    dt, steps, 0);
            double t = steps * dt;
            // V - E = (V0 - E) e^(-t/tau) + R g0 / tau * int_0^t e^(-(t-s)/tau) e^(-s/tau_s) ds
            double drive = tauS == tau ? t * Math.exp(-t / tau)
                    : (Math.exp(-t / tauS) - Math.exp(-t / tau)) / (1 / tau - 1 / tauS);
            double v = e + (v0 - e) * Math.exp(-t / tau) + r * g0 / tau * drive;
            assertEquals(v, x[0], 1e-12 * Math.abs(v), "V after " + steps + " steps");
            assertEquals(g0 * Math.exp(-t / tauS), x[1], 1e-13 * g0, "g after " + steps + " steps");
        }
    }

    /** A damped rotation with a constant push: a cycle in A (both directions coupled), so no triangular shortcut. */
    @Test
    void dampedRotationGivesTheClosedForm() {
        Equations eqs = Equations.parse("""
                dx/dt = -k*x - w*y : 1
                dy/dt = w*x - k*y + c : 1
                """);
        DifferentialSystem system = DifferentialSystem.of(eqs);
        StepProgram program = StepPrograms.ode(system, "exact");
        double k = 0.05, w = 2, c = 3, dt = 0.01;
        Map<String, Double> params = Map.of("k", k, "w", w, "c", c);
        double xs = -c * w / (k * k + w * w), ys = c * k / (k * k + w * w);
        double u = 1 - xs, vv = -ys;
        int steps = 2000;
        double[] x = StepProgramInterpretationTest.run(program, system.variables(), new double[] {1, 0}, params, dt,
                steps, 0);
        double t = steps * dt;
        double decay = Math.exp(-k * t);
        assertEquals(xs + decay * (Math.cos(w * t) * u - Math.sin(w * t) * vv), x[0], 1e-11);
        assertEquals(ys + decay * (Math.sin(w * t) * u + Math.cos(w * t) * vv), x[1], 1e-11);
    }

    /**
     * NEST's iaf_psc_exp propagators (pre_run_hook) in SI units at h = 0.1 ms: P22 = e^(-h/tau_m),
     * P11 = e^(-h/tau_s), P21 = tau_m tau_s / (C (tau_m - tau_s)) (e^(-h/tau_m) - e^(-h/tau_s)), and
     * the input parts, their integrals over the step; for tau_s = tau_m the limit (h / C) e^(-h/tau).
     */
    @ParameterizedTest
    @ValueSource(doubles = {2e-3, 1e-2})
    void iafPscExpPropagatorsAreNestsClosedForms(double tauS) {
        double h = 1e-4, tauM = 1e-2, c = 250e-12;
        double[][][] p = Exact.propagators(new double[][] {{-1 / tauM, 1 / c}, {0, -1 / tauS}}, h);
        double em = Math.exp(-h / tauM), es = Math.exp(-h / tauS);
        double p21 = tauS == tauM ? h / c * em : tauM * tauS / (c * (tauM - tauS)) * (em - es);
        double q21 = tauS == tauM ? tauM * tauM / c * (1 - em * (1 + h / tauM))
                : tauM * tauS / (c * (tauM - tauS)) * (-tauM * Math.expm1(-h / tauM) + tauS * Math.expm1(-h / tauS));
        assertRelative(em, p[0][0][0], 1e-15, "P22");
        assertRelative(es, p[0][1][1], 1e-15, "P11");
        assertRelative(p21, p[0][0][1], 1e-13, "P21");
        assertEquals(0, p[0][1][0], "no way back from the membrane to the current");
        assertRelative(-tauM * Math.expm1(-h / tauM), p[1][0][0], 1e-15, "the membrane's input part");
        assertRelative(-tauS * Math.expm1(-h / tauS), p[1][1][1], 1e-15, "the current's input part");
        assertRelative(q21, p[1][0][1], 1e-11, "the current's input onto the membrane");
    }

    /** NEST special-cases tau_s near tau_m (its closed form divides by their difference); here P21 is continuous. */
    @Test
    void nearlyEqualTimeConstantsGiveTheLimit() {
        double h = 1e-4, tau = 1e-2, c = 250e-12;
        for (double rel : new double[] {1e-6, 1e-9, 1e-13}) {
            double[][][] p = Exact.propagators(new double[][] {{-1 / tau, 1 / c}, {0, -1 / (tau * (1 + rel))}}, h);
            // first order in the difference: d P21 / d tau_s = h^2 / (2 C tau_s^2) e^(-h/tau) at tau_s = tau
            double limit = h / c * Math.exp(-h / tau) * (1 + rel * h / (2 * tau));
            assertRelative(limit, p[0][0][1], 1e-13, "P21 at tau_s = tau (1 + " + rel + ")");
        }
    }

    @Test
    void standAloneExactUsesTheSamePropagators() {
        Trajectory tr = Odeint.of(MEMBRANE, Map.of("R", 3.0, "tau", 10.0, "tau_s", 10.0, "E", 0.0)).method("exact")
                .integrate(new double[] {0, 5}, 0, 20, 0.5);
        double t = 20;
        assertEquals(3 * 5 / 10.0 * t * Math.exp(-t / 10), tr.last()[0], 1e-13);
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.abs(expected), what);
    }

    private static boolean containsCall(Expr e) {
        return e instanceof Expr.Call || Exprs.children(e).stream().anyMatch(ExactPropagatorTest::containsCall);
    }

    @Test
    void onlyEntriesThatCanBeNonzeroAreRead() {
        StepProgram program = StepPrograms.ode(DifferentialSystem.of(MEMBRANE), "exact");
        List<String> read = program.propagators().get(0).entries().stream().map(e -> e.parameter()).toList();
        // V from V and g, g from g; b is nonzero only for V
        assertEquals(List.of("P_V_V", "P_V_g", "Q_V_V", "P_g_g"), read);
        assertTrue(program.params().containsAll(read));
    }
}
