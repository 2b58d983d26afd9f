package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Unit;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * Brian2's namespace rule for the identifiers equations read. A declared variable, a
 * subexpression, a parameter the caller gives, {@code t}, {@code dt} or a noise term means that;
 * only a name that is none of these is a constant: {@code pi}, {@code e}, or, in equations with
 * units, a unit name such as {@code mV} standing for its value in the {@link Coherent} system
 * the runtime computes in (1 for mV, 0.001 for nS, 1000 for second). So a parameter called
 * {@code C} or {@code g} is never coulomb or gram, and one called {@code mV} shadows the
 * millivolt. Constants become plain {@link Const} nodes, so code generated from the equations
 * sees numbers.
 */
final class Namespace {
    /** The dimensionless constants of Brian2's default namespace. */
    private static final Map<String, Double> NUMBERS = Map.of("pi", Math.PI, "e", Math.E);

    private Namespace() {
    }

    /** The unit of constant {@code name}, or null when it is none; unit names count only {@code withUnits}. */
    static Unit<?> unitOf(String name, boolean withUnits) {
        if (NUMBERS.containsKey(name)) {
            return PhysicalUnits.ONE;
        }
        return withUnits ? PhysicalUnits.inEquations(name).orElse(null) : null;
    }

    /** Whether {@code name} is a constant when nothing shadows it: pi, e, or a unit name. */
    static boolean isConstant(String name) {
        return unitOf(name, true) != null;
    }

    /** The value of a constant name: for a unit, its value in the {@link Coherent} system. */
    static double value(String name) {
        Double number = NUMBERS.get(name);
        return number != null ? number : Coherent.value(1, unitOf(name, true));
    }

    /** The equations with every read of a name in {@code constants} replaced by its value, positions kept. */
    static Equations substitute(Equations equations, Set<String> constants) {
        if (constants.isEmpty()) {
            return equations;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        constants.forEach(name -> values.put(name, value(name)));
        List<Statement> statements = new ArrayList<>();
        for (Statement s : equations.statements()) {
            if (s.rhs() == null) {
                statements.add(s);
                continue;
            }
            Map<Expr, Expr> origin = new IdentityHashMap<>();
            Map<Expr, String> names = new IdentityHashMap<>();
            Expr rhs = replace(s.rhs(), values, origin, names);
            statements.add(new Statement(s.kind(), s.variable(), rhs, s.unit(), s.flags(), s.line(), s.column(),
                    s.positions().rebuilt(origin, names)));
        }
        return new Equations(statements);
    }

    private static Expr replace(Expr e, Map<String, Double> values, Map<Expr, Expr> origin, Map<Expr, String> names) {
        Expr made;
        if (e instanceof Var v && values.containsKey(v.name())) {
            made = new Const(values.get(v.name()));
            names.put(made, v.name());
        } else {
            made = Exprs.mapChildren(e, c -> replace(c, values, origin, names));
        }
        origin.put(made, e);
        return made;
    }
}
