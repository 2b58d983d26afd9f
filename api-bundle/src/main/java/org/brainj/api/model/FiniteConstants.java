package org.brainj.api.model;

import java.util.Map;
import java.util.Optional;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Printer;
import org.brainj.api.expr.Statement;

/**
 * Refuses a constant part of the equations that is infinite or not a number ({@code 1/0},
 * {@code log(0)}): at run time it would turn every neuron's state to Inf or NaN on the first
 * step, and a threshold and reset can hide that, so it is caught in the text, at its line.
 */
final class FiniteConstants {
    private FiniteConstants() {
    }

    static void require(Equations checked) {
        for (Statement s : checked.statements()) {
            if (s.rhs() == null) {
                continue;
            }
            nonFinite(s.rhs()).ifPresent(part -> {
                throw new ModelTextException("equations", s.variable(), s.line(), s.column(), "in the equation of '"
                        + s.variable() + "', " + Printer.print(part) + " is " + Interpreter.eval(part, Map.of())
                        + "; fix the constant (a division by zero, or a number out of range?)", null);
            });
        }
    }

    /** The largest constant subexpression of {@code e} whose value is not finite. */
    private static Optional<Expr> nonFinite(Expr e) {
        if (FreeVars.of(e).isEmpty()) {
            double value;
            try {
                value = Interpreter.eval(e, Map.of());
            } catch (RuntimeException notEvaluable) { // a function of nothing the interpreter cannot run alone
                return Optional.empty();
            }
            return Double.isFinite(value) ? Optional.empty() : Optional.of(e);
        }
        if (e instanceof Expr.Neg n) {
            return nonFinite(n.operand());
        } else if (e instanceof Expr.Bin b) {
            return nonFinite(b.left()).or(() -> nonFinite(b.right()));
        } else if (e instanceof Expr.Call c) {
            return c.args().stream().map(FiniteConstants::nonFinite).flatMap(Optional::stream).findFirst();
        } else if (e instanceof Expr.Cmp c) {
            return nonFinite(c.left()).or(() -> nonFinite(c.right()));
        } else if (e instanceof Expr.Logic l) {
            return nonFinite(l.left()).or(() -> nonFinite(l.right()));
        } else if (e instanceof Expr.Not n) {
            return nonFinite(n.operand());
        } else if (e instanceof Expr.Where w) {
            return nonFinite(w.cond()).or(() -> nonFinite(w.then())).or(() -> nonFinite(w.otherwise()));
        }
        return Optional.empty();
    }
}
