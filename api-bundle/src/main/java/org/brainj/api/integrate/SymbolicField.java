package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Substitute;

/** A {@link DifferentialSystem} seen in expressions: evaluating means substituting the stage values. */
final class SymbolicField implements VectorField<Expr> {
    private final DifferentialSystem system;

    SymbolicField(DifferentialSystem system) {
        this.system = system;
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
    public List<Expr> drift(Expr t, List<Expr> x) {
        Map<String, Expr> at = at(t, x);
        return system.drift().stream().map(e -> Substitute.of(e, at)).toList();
    }

    @Override
    public List<List<Expr>> diffusion(Expr t, List<Expr> x) {
        Map<String, Expr> at = at(t, x);
        List<List<Expr>> out = new ArrayList<>();
        for (List<Expr> row : system.diffusion()) {
            out.add(row.stream().map(e -> Substitute.of(e, at)).toList());
        }
        return out;
    }

    @Override
    public List<Expr> linearCoefficients(Expr t, List<Expr> x) {
        Map<String, Expr> at = at(t, x);
        return system.linearCoefficients().stream().map(e -> Substitute.of(e, at)).toList();
    }

    @Override
    public Affine<Expr> affine(Expr t) {
        return system.affine();
    }

    private Map<String, Expr> at(Expr t, List<Expr> x) {
        Map<String, Expr> m = new HashMap<>();
        for (int i = 0; i < x.size(); i++) {
            m.put(system.variables().get(i), x.get(i));
        }
        m.put("t", t);
        return m;
    }
}
