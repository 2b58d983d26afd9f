package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A population's step program, run by the interpreter element by element exactly as the
 * {@link StepProgram} contract says (body in order, noise from Philox under
 * {@code (seed, stream, step)} at the element's index), gives the stand-alone integrator's numbers.
 */
class StepProgramInterpretationTest {
    static final long SEED = 99;

    /** Runs {@code steps} steps of {@code program} for element {@code element} from {@code x0}. */
    static double[] run(StepProgram program, List<String> variables, double[] x0, Map<String, Double> params,
                        double dt, int steps, int element) {
        Map<String, Double> env = new HashMap<>(params);
        // what the runtime binds before a run
        program.propagators().forEach(p -> env.putAll(Exact.values(p, params::get, dt)));
        for (int i = 0; i < variables.size(); i++) {
            env.put(variables.get(i), x0[i]);
        }
        for (int k = 0; k < steps; k++) {
            env.put("t", k * dt);
            env.put("dt", dt);
            for (RandomDraw d : program.noise()) {
                env.put(d.name(), Philox.normal(new RandomKey(SEED, d.stream(), k), element));
            }
            for (Assign a : program.body()) {
                env.put(a.target(), Interpreter.eval(a.value(), env));
            }
        }
        return variables.stream().mapToDouble(env::get).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "rk4", "rkf45", "ralston4", "exponential_euler"})
    void odeProgramMatchesOdeint(String method) {
        DifferentialSystem hh = DifferentialSystem.of(SymbolicIntegrationTest.HH);
        StepProgram program = StepPrograms.ode(hh, method);
        assertEquals(hh.variables().stream().collect(java.util.stream.Collectors.toSet()), program.state());
        assertEquals(SymbolicIntegrationTest.HH_PARAMS.keySet(), program.params());
        double[] x0 = {-65, 0.05, 0.6, 0.32};
        double[] fromProgram = run(program, hh.variables(), x0, SymbolicIntegrationTest.HH_PARAMS, 0.01, 500, 0);
        double[] standAlone = Odeint.of(hh, SymbolicIntegrationTest.HH_PARAMS).method(method)
                .integrate(x0, 0, 5, 0.01).last();
        for (int i = 0; i < x0.length; i++) {
            assertEquals(standAlone[i], fromProgram[i], 1e-12 * Math.max(1, Math.abs(standAlone[i])), method);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "milstein", "exponential_euler", "srk1w1_scalar", "srk2w1_scalar", "KlPl_scalar"})
    void sdeProgramMatchesSdeintElementByElement(String method) {
        Equations noisyLif = Equations.parse("""
                dV/dt = (-(V - V_rest) + R*I)/tau + sigma*(1 + 0.01*(V - V_rest))*xi/sqrt(tau) : 1
                dw/dt = (a*(V - V_rest) - w)/tau_w : 1
                """);
        Map<String, Double> params = Map.of("V_rest", -65.0, "R", 10.0, "I", 1.5, "tau", 10.0, "sigma", 2.0,
                "a", 0.1, "tau_w", 30.0);
        DifferentialSystem system = DifferentialSystem.of(noisyLif);
        StepProgram program = StepPrograms.sde(system, method, SdeType.ITO, 5);
        assertTrue(program.noise().stream().allMatch(d -> d.stream() >= 5));
        for (int element : new int[] {0, 17}) {
            double[] fromProgram = run(program, system.variables(), new double[] {-60, 0}, params, 0.1, 200, element);
            double[] standAlone = Sdeint.of(system, params).method(method).seed(SEED).stream(5).element(element)
                    .integrate(new double[] {-60, 0}, 0, 20, 0.1).last();
            for (int i = 0; i < 2; i++) {
                assertEquals(standAlone[i], fromProgram[i], 1e-12 * Math.max(1, Math.abs(standAlone[i])),
                        method + " element " + element);
            }
        }
    }

    @Test
    void stratonovichAndVectorNoisePrograms() {
        Equations twoNoises = Equations.parse("dx/dt = mu*x + s1*x*xi_1 + s2*x*xi_2 : 1");
        Map<String, Double> params = Map.of("mu", 0.5, "s1", 0.3, "s2", 0.4);
        DifferentialSystem system = DifferentialSystem.of(twoNoises);
        assertEquals(WienerType.VECTOR, system.wienerType());
        for (String method : List.of("euler", "heun", "milstein")) {
            StepProgram program = StepPrograms.sde(system, method, SdeType.STRATONOVICH, 0);
            double[] fromProgram = run(program, system.variables(), new double[] {1}, params, 0.05, 100, 3);
            double[] standAlone = Sdeint.of(system, params).type(SdeType.STRATONOVICH).method(method).seed(SEED)
                    .element(3).integrate(new double[] {1}, 0, 5, 0.05).last();
            assertEquals(standAlone[0], fromProgram[0], 1e-12 * Math.abs(standAlone[0]), method);
        }
    }

    @Test
    void programsRefuseWhatTheMethodDoesNotSupport() {
        DifferentialSystem system = DifferentialSystem.of(Equations.parse("dx/dt = -x + xi : 1"));
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> StepPrograms.sde(system, "heun", SdeType.ITO, 0));
        assertTrue(e.getMessage().contains("'heun'"), e.getMessage());
        assertThrows(org.brainj.api.BrainJException.class, () -> StepPrograms.ode(system, "rk4"));
    }

    @Test
    void exactProgramOfDecoupledLinearEquations() {
        DifferentialSystem lif = DifferentialSystem.of(SymbolicIntegrationTest.LIF);
        StepProgram program = StepPrograms.ode(lif, "exact");
        double v = run(program, lif.variables(), new double[] {-70}, SymbolicIntegrationTest.LIF_PARAMS, 0.5, 40, 0)[0];
        assertEquals(SymbolicIntegrationTest.lif(-70, 20), v, 1e-12 * 70); // analytic solution
    }
}
