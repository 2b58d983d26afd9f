package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Propagator;

/**
 * The exact solution over one step of a linear system with constant coefficients,
 * {@code x' = A x + b} (what NEST and Brian2 use for LIF-type models): per variable
 * {@code e^(a dt) x + phi1(a dt) b dt} when the equations are decoupled; when they are coupled,
 * {@code exp(A dt) x + (int_0^dt exp(A s) ds) b} with both matrices from one matrix exponential,
 * which a step program reads as parameters computed once per run ({@link Propagator}). Nonlinear
 * systems are refused, naming the variable.
 */
public final class Exact implements OdeScheme {
    public static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt) {
        VectorField.Affine<S> system = f.affine(t);
        List<String> names = f.variables();
        if (!system.isDiagonal()) {
            return ar.affineFlow(names, system, x, dt);
        }
        List<S> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            S a = system.a().get(i).get(i);
            S b = system.b().get(i);
            if (a == null) {
                out.add(ar.add(x.get(i), ar.multiply(dt, b)));
            } else {
                S phi = ar.let(names.get(i) + "_phi", ar.phi1(ar.multiply(a, dt)));
                S rate = ar.add(ar.multiply(a, x.get(i)), b);
                out.add(ar.add(x.get(i), ar.multiply(ar.multiply(dt, phi), rate)));
            }
        }
        return out;
    }

    /**
     * {@code exp(A dt)} and {@code int_0^dt exp(A s) ds}: the top two blocks of the exponential of
     * {@code [[A dt, I dt], [0, 0]]} (Van Loan, IEEE Trans. Autom. Control 23, 1978), which stays
     * right where {@code A} is singular or has repeated eigenvalues (NEST's iaf_psc_exp with
     * {@code tau_m == tau_syn}, which NEST treats as a special case).
     *
     * @param a {@code A}, {@code n x n}
     * @return {@code {exp(A dt), int_0^dt exp(A s) ds}}
     */
    static double[][][] propagators(double[][] a, double dt) {
        int n = a.length;
        double[][] m = new double[2 * n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = a[i][j] * dt;
            }
            m[i][n + i] = dt;
        }
        double[][] e = MatrixExponential.expm(m);
        double[][] flow = new double[n][n];
        double[][] input = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(e[i], 0, flow[i], 0, n);
            System.arraycopy(e[i], n, input[i], 0, n);
        }
        return new double[][][] {flow, input};
    }

    /**
     * The value of each entry of {@code p} for the parameter values {@code parameter} gives and
     * step {@code dt}, keyed by the entry's parameter name: what the runtime binds before a run.
     */
    public static Map<String, Double> values(Propagator p, ToDoubleFunction<String> parameter, double dt) {
        int n = p.variables().size();
        ToDoubleFunction<String> env = name -> name.equals("dt") ? dt : parameter.applyAsDouble(name);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Expr aij = p.a().get(i).get(j);
                a[i][j] = Interpreter.eval(aij, env);
            }
        }
        double[][][] both = propagators(a, dt);
        Map<String, Double> values = new HashMap<>();
        for (Propagator.Entry e : p.entries()) {
            double[][] part = e.part() == Propagator.Part.FLOW ? both[0] : both[1];
            values.put(e.parameter(), part[e.row()][e.column()]);
        }
        return values;
    }
}
