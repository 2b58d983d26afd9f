package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Substitute;

/**
 * Differential equations as expressions, ready to integrate: per state variable its drift and
 * its diffusion coefficient for each noise term ({@code dX = f dt + sum_k g_k dW_k}), with
 * subexpressions already substituted. Symbolic derivatives give exponential Euler its linear
 * part and {@code exact} its matrix.
 *
 * @param variables the state variables in order
 * @param drift     {@code f} of each variable
 * @param noises    the noise terms ({@code xi}, {@code xi_1}, ...) in order: Wiener process {@code j}
 * @param diffusion {@code g[i][j]}: the coefficient of noise {@code j} in variable {@code i}'s equation
 */
public record DifferentialSystem(List<String> variables, List<Expr> drift, List<String> noises,
                                 List<List<Expr>> diffusion) {
    private static final Expr ZERO = new Expr.Const(0);

    public DifferentialSystem {
        variables = List.copyOf(variables);
        drift = List.copyOf(drift);
        noises = List.copyOf(noises);
        diffusion = diffusion.stream().map(List::copyOf).toList();
        if (drift.size() != variables.size() || diffusion.size() != variables.size()) {
            throw new BrainJException("a differential system needs one drift and one diffusion row per variable "
                    + variables);
        }
        for (List<Expr> row : diffusion) {
            if (row.size() != noises.size()) {
                throw new BrainJException("each diffusion row needs one coefficient per noise term " + noises);
            }
        }
    }

    /** The differential equations of parsed equation text. */
    public static DifferentialSystem of(Equations equations) {
        List<String> variables = equations.stateVariables();
        List<String> noises = equations.noiseTerms();
        List<Expr> drift = new ArrayList<>();
        List<List<Expr>> diffusion = new ArrayList<>();
        for (String v : variables) {
            drift.add(equations.drift(v));
            Map<String, Expr> g = equations.diffusion(v);
            diffusion.add(noises.stream().map(xi -> Simplify.of(g.getOrDefault(xi, ZERO))).toList());
        }
        return new DifferentialSystem(variables, drift, noises, diffusion);
    }

    /** An ODE system from drift expressions, in the map's order. */
    public static DifferentialSystem ode(Map<String, Expr> drift) {
        List<List<Expr>> none = drift.keySet().stream().map(v -> List.<Expr>of()).toList();
        return new DifferentialSystem(new ArrayList<>(drift.keySet()), new ArrayList<>(drift.values()), List.of(), none);
    }

    public boolean isStochastic() {
        return !noises.isEmpty();
    }

    /** Scalar noise: one noise term; vector: several. */
    public WienerType wienerType() {
        return noises.size() == 1 ? WienerType.SCALAR : WienerType.VECTOR;
    }

    /** The names the equations read besides their state, time and noise: the parameters. */
    public Set<String> parameters() {
        Set<String> names = new LinkedHashSet<>();
        drift.forEach(e -> names.addAll(FreeVars.of(e)));
        diffusion.forEach(row -> row.forEach(e -> names.addAll(FreeVars.of(e))));
        names.removeAll(variables);
        names.removeAll(Equations.TIME);
        names.removeAll(noises);
        return names;
    }

    /** {@code d f_i / d x_i}, the linear coefficient of each equation in its own variable. */
    List<Expr> linearCoefficients() {
        List<Expr> a = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            a.add(Simplify.of(Derivative.of(drift.get(i), variables.get(i))));
        }
        return a;
    }

    /**
     * {@code A} and {@code b} of {@code x' = A x + b}, or a refusal naming the equation that is
     * not linear with constant coefficients. {@code null} marks a structurally zero coefficient.
     */
    VectorField.Affine<Expr> affine() {
        Map<String, Expr> origin = new HashMap<>();
        variables.forEach(v -> origin.put(v, ZERO));
        List<List<Expr>> a = new ArrayList<>();
        List<Expr> b = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            List<Expr> row = new ArrayList<>();
            for (String xj : variables) {
                Expr aij = Simplify.of(Derivative.of(drift.get(i), xj));
                requireConstant(variables.get(i), "d(d" + variables.get(i) + "/dt)/d" + xj, aij);
                row.add(aij instanceof Expr.Const c && c.value() == 0 ? null : aij);
            }
            Expr bi = Simplify.of(Substitute.of(drift.get(i), origin));
            requireConstant(variables.get(i), "its constant term", bi);
            a.add(row);
            b.add(bi);
        }
        return new VectorField.Affine<>(a, b);
    }

    private void requireConstant(String variable, String what, Expr e) {
        for (String name : FreeVars.of(e)) {
            if (variables.contains(name) || name.equals("t")) {
                throw new UnsupportedMethodException("exact: d" + variable + "/dt is not linear with constant "
                        + "coefficients (" + what + " depends on " + name + "); exact integrates only "
                        + "x' = A x + b with A and b free of the state and of t. Use exponential_euler or rk4");
            }
        }
    }
}
