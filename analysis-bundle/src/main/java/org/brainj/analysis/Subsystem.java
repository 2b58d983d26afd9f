package org.brainj.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.integrate.Odeint;

/**
 * The equations of the target variables with every other name held at a value: the other state
 * variables (the reference's {@code fixed_vars}) and the parameters ({@code pars_update}). It
 * evaluates the vector field and its exact Jacobian (symbolic derivatives of the IR), and can be
 * re-made with one value changed, which is how bifurcation analysis sweeps a parameter.
 */
public final class Subsystem {
    private final DifferentialSystem full;
    private final List<String> targets;
    private final Map<String, Double> values;
    private final List<Expr> drift;
    private final Expr[][] jacobian;

    private Subsystem(DifferentialSystem full, List<String> targets, Map<String, Double> values) {
        this.full = full;
        this.targets = List.copyOf(targets);
        this.values = Map.copyOf(values);
        this.drift = new ArrayList<>();
        for (String v : targets) {
            drift.add(full.drift().get(full.variables().indexOf(v)));
        }
        this.jacobian = new Expr[targets.size()][targets.size()];
        for (int i = 0; i < targets.size(); i++) {
            for (int j = 0; j < targets.size(); j++) {
                jacobian[i][j] = Derivative.of(drift.get(i), targets.get(j));
            }
        }
    }

    /**
     * The target variables of unitless equations (BrainPy style), every other name given in
     * {@code values}; the errors name a target not in the equations and the names left without a value.
     */
    public static Subsystem of(Equations equations, List<String> targets, Map<String, Double> values) {
        Set<String> given = new LinkedHashSet<>(values.keySet());
        Equations checked = equations.checkUnitless(given);
        return of(DifferentialSystem.of(checked), targets, values);
    }

    public static Subsystem of(DifferentialSystem system, List<String> targets, Map<String, Double> values) {
        if (system.isStochastic()) {
            throw new AnalysisException("the equations have noise terms " + system.noises()
                    + "; analyse the deterministic system (drop the xi terms)");
        }
        if (targets.isEmpty()) {
            throw new AnalysisException("no target variable given; name one or more of " + system.variables());
        }
        for (String t : targets) {
            if (!system.variables().contains(t)) {
                throw new AnalysisException("target variable '" + t + "' is not a state variable of the equations; "
                        + "state variables: " + String.join(", ", system.variables()));
            }
        }
        Set<String> needed = new LinkedHashSet<>(system.parameters());
        system.variables().stream().filter(v -> !targets.contains(v)).forEach(needed::add);
        List<String> missing = needed.stream().filter(n -> !values.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new AnalysisException("no value for " + missing + ": give the parameters (pars_update) and the "
                    + "state variables that are not targets (fixed_vars) a value");
        }
        Map<String, Double> kept = new LinkedHashMap<>(values);
        targets.forEach(kept::remove);
        return new Subsystem(system, targets, kept);
    }

    public List<String> targets() {
        return targets;
    }

    public int dimension() {
        return targets.size();
    }

    /** The value of a parameter or fixed variable. */
    public double value(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new AnalysisException("'" + name + "' is no parameter or fixed variable of the equations; known: "
                    + String.join(", ", values.keySet()));
        }
        return v;
    }

    /** The same subsystem with {@code name} (a parameter or fixed variable) set to {@code value}. */
    public Subsystem with(String name, double value) {
        value(name);
        Map<String, Double> changed = new HashMap<>(values);
        changed.put(name, value);
        return new Subsystem(full, targets, changed);
    }

    /** The same equations analysed for other target variables, the others fixed at {@code values}. */
    public Subsystem retarget(List<String> newTargets, Map<String, Double> fixed) {
        Map<String, Double> all = new HashMap<>(values);
        all.putAll(fixed);
        return of(full, newTargets, all);
    }

    /** {@code dx/dt} of each target at {@code x} (time 0: the analysed systems are autonomous). */
    public double[] field(double[] x) {
        ToDoubleFunction<String> env = env(x);
        double[] f = new double[drift.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = Interpreter.eval(drift.get(i), env);
        }
        return f;
    }

    /** {@code d f_i / d x_j} at {@code x}, from the symbolic derivatives. */
    public double[][] jacobian(double[] x) {
        ToDoubleFunction<String> env = env(x);
        int n = targets.size();
        double[][] j = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                j[r][c] = Interpreter.eval(jacobian[r][c], env);
            }
        }
        return j;
    }

    /** An integrator of the target variables (the others held at their values), with the method given. */
    public Odeint integrator(String method) {
        Map<String, Expr> d = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            d.put(targets.get(i), drift.get(i));
        }
        DifferentialSystem reduced = DifferentialSystem.ode(d);
        Map<String, Double> params = new HashMap<>();
        reduced.parameters().forEach(p -> params.put(p, values.get(p)));
        return Odeint.of(reduced, params).method(method);
    }

    /** The names' values at {@code x}; time is 0, as the analysed systems are autonomous. */
    private ToDoubleFunction<String> env(double[] x) {
        return name -> {
            int i = targets.indexOf(name);
            return i >= 0 ? x[i] : name.equals("t") ? 0 : values.get(name);
        };
    }
}
