package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.neg;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;

import java.util.function.Predicate;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Simplify;

/**
 * An expression as {@code slope * x + intercept}, slope and intercept reading only shared values,
 * simplified (constants folded, a negation outermost): {@code (13 - v + VT) * 0.25} is
 * {@code -0.25 * v + (13 + VT) * 0.25}.
 */
record Affine(Expr slope, Expr intercept) {

    /** {@code e} as an affine function of {@code x}, or null where it is not one with shared coefficients. */
    static Affine of(Expr e, String x, Predicate<String> isShared) {
        Affine f = decompose(e, x, isShared);
        return f == null ? null : new Affine(Simplify.of(f.slope), Simplify.of(f.intercept));
    }

    private static Affine decompose(Expr e, String x, Predicate<String> isShared) {
        if (!FreeVars.reads(e, x)) {
            return FreeVars.of(e).stream().allMatch(isShared) ? new Affine(num(0), e) : null;
        }
        if (e instanceof Var) {
            return new Affine(num(1), num(0));
        } else if (e instanceof Neg n) {
            Affine f = decompose(n.operand(), x, isShared);
            return f == null ? null : new Affine(neg(f.slope), neg(f.intercept));
        } else if (e instanceof Bin b) {
            Affine l = decompose(b.left(), x, isShared);
            Affine r = decompose(b.right(), x, isShared);
            if (l == null || r == null) {
                return null;
            }
            boolean leftConstant = !FreeVars.reads(b.left(), x);
            boolean rightConstant = !FreeVars.reads(b.right(), x);
            return switch (b.op()) {
                case ADD -> new Affine(add(l.slope, r.slope), add(l.intercept, r.intercept));
                case SUB -> new Affine(sub(l.slope, r.slope), sub(l.intercept, r.intercept));
                case MUL -> leftConstant ? new Affine(mul(b.left(), r.slope), mul(b.left(), r.intercept))
                        : rightConstant ? new Affine(mul(l.slope, b.right()), mul(l.intercept, b.right())) : null;
                case DIV -> rightConstant ? new Affine(div(l.slope, b.right()), div(l.intercept, b.right())) : null;
                case POW -> null;
            };
        }
        return null;
    }
}
