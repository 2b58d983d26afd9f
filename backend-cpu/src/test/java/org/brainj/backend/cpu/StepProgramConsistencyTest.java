package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Equations;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.integrate.Odeint;
import org.brainj.api.integrate.SdeType;
import org.brainj.api.integrate.Sdeint;
import org.brainj.api.integrate.StepPrograms;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A population's step program compiled by the CPU backend gives, element by element, the numbers
 * of the stand-alone integrator (plain Java stepping of the same equations, independent of the
 * code generator): rk4 and other ODE methods on the reference's Hodgkin-Huxley model, and SDE
 * methods whose noise the kernel draws per element from Philox as {@code Sdeint.element(i)} does.
 */
class StepProgramConsistencyTest {
    private static final int N = 24;
    private static final long SEED = 314;
    private final CpuBackend cpu = new CpuBackend();

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
    static final Map<String, Double> HH_PARAMS = Map.of("Iext", 10.0, "ENa", 50.0, "EK", -77.0, "EL", -54.387,
            "C", 1.0, "gNa", 120.0, "gK", 36.0, "gL", 0.03);

    static final Equations NOISY = Equations.parse("""
            dV/dt = (-(V - V_rest) + R*I)/tau + sigma*(1 + 0.01*(V - V_rest))*xi/sqrt(tau) : 1
            dw/dt = (a*(V - V_rest) - w)/tau_w : 1
            """);
    static final Map<String, Double> NOISY_PARAMS = Map.of("V_rest", -65.0, "R", 10.0, "I", 1.5, "tau", 10.0,
            "sigma", 2.0, "a", 0.1, "tau_w", 30.0);

    @ParameterizedTest
    @ValueSource(strings = {"rk4", "euler", "rkdp", "exponential_euler"})
    void compiledOdeProgramMatchesOdeint(String method) {
        DifferentialSystem system = DifferentialSystem.of(HH);
        double[][] x0 = new double[N][];
        for (int i = 0; i < N; i++) {
            // V0 off -55 and -40, where alpha_n and alpha_m are 0/0 (removable singularities of the model)
            x0[i] = new double[] {-70 + 0.37 * i, 0.05, 0.6, 0.32};
        }
        double dt = 0.01;
        int steps = 1000;
        double[][] compiled = runCompiled(StepPrograms.ode(system, method), system, HH_PARAMS, x0, dt, steps);
        Odeint ode = Odeint.of(system, HH_PARAMS).method(method);
        for (int i = 0; i < N; i++) {
            double[] expected = ode.integrate(x0[i], 0, steps * dt, dt).last();
            for (int v = 0; v < expected.length; v++) {
                assertEquals(expected[v], compiled[v][i], 1e-10 * Math.max(1, Math.abs(expected[v])),
                        method + ": " + system.variables().get(v) + " of element " + i);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"euler", "milstein", "srk2w1_scalar", "exponential_euler"})
    void compiledSdeProgramMatchesSdeint(String method) {
        DifferentialSystem system = DifferentialSystem.of(NOISY);
        double[][] x0 = new double[N][];
        for (int i = 0; i < N; i++) {
            x0[i] = new double[] {-65 + 0.5 * i, 0};
        }
        double dt = 0.1;
        int steps = 300;
        int stream = 7;
        double[][] compiled = runCompiled(StepPrograms.sde(system, method, SdeType.ITO, stream), system,
                NOISY_PARAMS, x0, dt, steps);
        Sdeint sde = Sdeint.of(system, NOISY_PARAMS).method(method).seed(SEED).stream(stream);
        for (int i = 0; i < N; i++) {
            double[] expected = sde.element(i).integrate(x0[i], 0, steps * dt, dt).last();
            for (int v = 0; v < expected.length; v++) {
                assertEquals(expected[v], compiled[v][i], 1e-10 * Math.max(1, Math.abs(expected[v])),
                        method + ": " + system.variables().get(v) + " of element " + i);
            }
        }
    }

    /** Runs {@code steps} kernel launches; returns each variable's values, [variable][element]. */
    private double[][] runCompiled(StepProgram program, DifferentialSystem system, Map<String, Double> params,
                                   double[][] x0, double dt, int steps) {
        List<String> variables = system.variables();
        Map<String, Tensor> tensors = new HashMap<>();
        for (int v = 0; v < variables.size(); v++) {
            double[] column = new double[N];
            for (int i = 0; i < N; i++) {
                column[i] = x0[i][v];
            }
            tensors.put(variables.get(v), cpu.asTensor(column, N));
        }
        params.forEach((name, value) -> tensors.put(name, cpu.full(DType.FLOAT64, value)));
        Kernel kernel = cpu.compile(program, new Bindings(tensors, SEED));
        for (int k = 0; k < steps; k++) {
            kernel.run(k * dt, dt, k);
        }
        double[][] out = new double[variables.size()][];
        for (int v = 0; v < variables.size(); v++) {
            out[v] = tensors.get(variables.get(v)).toDoubleArray();
        }
        return out;
    }
}
