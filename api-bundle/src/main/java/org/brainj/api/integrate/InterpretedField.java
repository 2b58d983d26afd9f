package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;

/** A {@link DifferentialSystem} in numbers: its expressions evaluated by the interpreter with given parameters. */
final class InterpretedField implements VectorField<Double> {
    private final DifferentialSystem system;
    private final Map<String, Double> parameters;
    private final List<Expr> linear;

    InterpretedField(DifferentialSystem system, Map<String, Double> parameters) {
        for (String p : system.parameters()) {
            if (!parameters.containsKey(p)) {
                throw new BrainJException("the equations read parameter '" + p + "' but no value was given for it; "
                        + "give values for " + system.parameters());
            }
        }
        this.system = system;
        this.parameters = Map.copyOf(parameters);
        this.linear = system.linearCoefficients();
    }

    @Override
    public List<String> variables() {
        return system.variables();
    }

    @Override
    public int noiseCount() {
        return system.noises().size();
    }

    @Override
    public List<Double> drift(Double t, List<Double> x) {
        return eval(system.drift(), t, x);
    }

    @Override
    public List<List<Double>> diffusion(Double t, List<Double> x) {
        List<List<Double>> out = new ArrayList<>();
        for (List<Expr> row : system.diffusion()) {
            out.add(eval(row, t, x));
        }
        return out;
    }

    @Override
    public List<Double> linearCoefficients(Double t, List<Double> x) {
        return eval(linear, t, x);
    }

    @Override
    public Affine<Double> affine(Double t) {
        Affine<Expr> a = system.affine();
        Map<String, Double> env = env(t, List.of());
        List<List<Double>> m = new ArrayList<>();
        for (List<Expr> row : a.a()) {
            m.add(row.stream().map(e -> e == null ? null : Interpreter.eval(e, env)).toList());
        }
        return new Affine<>(m, a.b().stream().map(e -> Interpreter.eval(e, env)).toList());
    }

    private List<Double> eval(List<Expr> exprs, double t, List<Double> x) {
        Map<String, Double> env = env(t, x);
        List<Double> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(Interpreter.eval(e, env));
        }
        return out;
    }

    private Map<String, Double> env(double t, List<Double> x) {
        Map<String, Double> env = new HashMap<>(parameters);
        for (int i = 0; i < x.size(); i++) {
            env.put(system.variables().get(i), x.get(i));
        }
        env.put("t", t);
        return env;
    }
}
