package org.brainj.api.expr;

import java.util.HashMap;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.units.PhysicalUnits;

/**
 * Dimensional analysis of equations: infers the unit of every node bottom-up with Indriya's unit
 * algebra and reports the first disagreement with both sides' units and its position. Noise
 * terms have unit second^-1/2, as in Brian2, so that {@code sigma*xi/sqrt(tau)} is per second.
 * A literal {@code 0} takes the unit of what it is added to, compared with or chosen against
 * ({@code V > 0}, {@code where(c, V, 0)}, {@code dV/dt = 0}), as Brian2 allows; no other
 * number has a unit.
 */
final class UnitCheck {
    private final Equations equations;
    private final Map<String, Unit<?>> units = new HashMap<>();
    private Statement current;

    /** @param constants the units of the names read as constants ({@code mV}, {@code pi}), which nothing shadows */
    UnitCheck(Equations equations, Map<String, ? extends Unit<?>> parameterUnits, Map<String, Unit<?>> constants) {
        this.equations = equations;
        // system units throughout, so messages read V/s rather than a mix of mV and ms
        constants.forEach((name, unit) -> units.put(name, unit.getSystemUnit()));
        parameterUnits.forEach((name, unit) -> units.put(name, unit.getSystemUnit()));
        equations.statements().forEach(s -> units.put(s.variable(), s.unit().getSystemUnit()));
        Equations.TIME.forEach(t -> units.put(t, PhysicalUnits.SECOND));
    }

    void run() {
        for (Statement s : equations.statements()) {
            if (s.rhs() == null) {
                continue;
            }
            current = s;
            Unit<?> rhs = unit(s.rhs());
            Unit<?> declared = units.get(s.variable());
            Unit<?> expected = s.kind() == Kind.DIFFERENTIAL ? declared.divide(PhysicalUnits.SECOND) : declared;
            if (!isLiteralZero(s.rhs()) && !PhysicalUnits.sameDimension(rhs, expected)) {
                throw new UnitMismatchException(s.line(), s.positions().start(), "the two sides of " + s.lhs() + " = ...",
                        PhysicalUnits.describe(expected), PhysicalUnits.describe(rhs));
            }
        }
    }

    private Unit<?> unit(Expr e) {
        if (e instanceof Const c) {
            // a constant that replaced a unit name has that unit, so checked equations check again
            String name = current.positions().writtenAs(c);
            return name == null ? PhysicalUnits.ONE : Namespace.unitOf(name, true).getSystemUnit();
        } else if (e instanceof Var v) {
            return Equations.isNoise(v.name()) ? PhysicalUnits.SECOND.root(2).inverse() : units.get(v.name());
        } else if (e instanceof Neg n) {
            return unit(n.operand());
        } else if (e instanceof Bin b) {
            return bin(b);
        } else if (e instanceof Call c) {
            return call(c);
        } else if (e instanceof Cmp c) {
            same(c, "the operands of " + c.op().symbol(), c.left(), c.right());
            return PhysicalUnits.ONE;
        } else if (e instanceof Logic l) {
            unit(l.left());
            unit(l.right());
            return PhysicalUnits.ONE;
        } else if (e instanceof Not n) {
            unit(n.operand());
            return PhysicalUnits.ONE;
        } else if (e instanceof Where w) {
            unit(w.cond());
            return same(w, "the two branches of where", w.then(), w.otherwise());
        }
        throw new IllegalStateException("unhandled node " + e);
    }

    private Unit<?> bin(Bin b) {
        return switch (b.op()) {
            case ADD, SUB -> same(b, "the operands of " + b.op().symbol(), b.left(), b.right());
            case MUL -> unit(b.left()).multiply(unit(b.right()));
            case DIV -> unit(b.left()).divide(unit(b.right()));
            case POW -> power(b, unit(b.left()), unit(b.right()));
        };
    }

    private Unit<?> power(Bin b, Unit<?> base, Unit<?> exponent) {
        dimensionless(b.right(), "the exponent of ^", exponent);
        if (PhysicalUnits.sameDimension(base, PhysicalUnits.ONE)) {
            return PhysicalUnits.ONE;
        }
        if (!(Simplify.of(b.right()) instanceof Const c)) {
            throw new UnitMismatchException(current.line(), current.positions().column(b),
                    "the exponent of ^: a base with a unit needs a constant exponent, found '" + Printer.print(b.right())
                            + "' for base of unit", PhysicalUnits.describe(base), "a number");
        }
        // rational exponents with small denominators: x^1.5 -> (x^3)^(1/2)
        for (int q = 1; q <= 12; q++) {
            double p = c.value() * q;
            if (Math.abs(p - Math.rint(p)) < 1e-9) {
                int n = (int) Math.rint(p);
                Unit<?> powered = n >= 0 ? base.pow(n) : base.pow(-n).inverse();
                return q == 1 ? powered : powered.root(q);
            }
        }
        throw new UnitMismatchException(current.line(), current.positions().column(b),
                "the exponent of ^: " + c.value() + " is no simple fraction, so the unit of base", PhysicalUnits.describe(base),
                "has no power " + c.value());
    }

    private Unit<?> call(Call c) {
        if (c.fn() == Expr.Fn.MIN || c.fn() == Expr.Fn.MAX) {
            return same(c, "the arguments of " + c.fn().label(), c.args().get(0), c.args().get(1));
        }
        Unit<?> first = unit(c.args().get(0));
        return switch (c.fn()) {
            case ABS, FLOOR, CEIL -> first;
            case SQRT -> first.root(2);
            default -> {
                dimensionless(c.args().get(0), "the argument of " + c.fn().label() + " (must be dimensionless)", first);
                yield PhysicalUnits.ONE;
            }
        };
    }

    /** The unit of two operands that must agree; a literal 0 agrees with the other's unit. */
    private Unit<?> same(Expr at, String what, Expr leftOperand, Expr rightOperand) {
        Unit<?> left = unit(leftOperand);
        Unit<?> right = unit(rightOperand);
        if (isLiteralZero(leftOperand)) {
            return right;
        } else if (isLiteralZero(rightOperand) || PhysicalUnits.sameDimension(left, right)) {
            return left;
        }
        throw mismatch(at, what, left, right);
    }

    /** A 0 written as a number: not a constant that replaced a name, nor an expression that is 0. */
    private boolean isLiteralZero(Expr e) {
        return e instanceof Const c && c.value() == 0 && current.positions().writtenAs(c) == null;
    }

    private void dimensionless(Expr at, String what, Unit<?> unit) {
        if (!PhysicalUnits.sameDimension(unit, PhysicalUnits.ONE)) {
            throw mismatch(at, what, unit, PhysicalUnits.ONE);
        }
    }

    private UnitMismatchException mismatch(Expr at, String what, Unit<?> left, Unit<?> right) {
        return new UnitMismatchException(current.line(), current.positions().column(at), what,
                PhysicalUnits.describe(left), PhysicalUnits.describe(right));
    }
}
