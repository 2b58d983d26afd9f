package org.brainj.api.expr;

import static org.brainj.api.expr.Exprs.isConst;

import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Where;

/**
 * Algebraic clean-up, bottom up: folds constant subtrees, drops neutral elements ({@code x + 0},
 * {@code x * 1}, {@code x / 1}, {@code x ^ 1}), turns {@code x * 0} and {@code 0 / x} into 0,
 * {@code x ^ 0} into 1, removes double negation, absorbs negation into constants and
 * subtraction, and picks the branch of a {@code where} whose condition is constant or whose
 * branches are equal.
 *
 * <p>{@code x * 0 -> 0} is exact for every finite {@code x}, which is what equations hold; it
 * differs only when {@code x} is infinite or NaN, where the model has already failed. Folding is
 * skipped where the result would not be finite (e.g. {@code 1/0}), so it is left for run time to
 * report rather than silently baked into a constant.
 */
public final class Simplify {
    private Simplify() {
    }

    public static Expr of(Expr e) {
        Expr node = Exprs.mapChildren(e, Simplify::of);
        if (node instanceof Bin b) {
            return bin(b);
        } else if (node instanceof Neg n) {
            return neg(n.operand());
        } else if (node instanceof Where w) {
            if (w.cond() instanceof Const c) {
                return Interpreter.isTrue(c.value()) ? w.then() : w.otherwise();
            }
            return w.then().equals(w.otherwise()) ? w.then() : w;
        }
        return foldIfConstant(node);
    }

    private static Expr foldIfConstant(Expr e) {
        if (e instanceof Const || e instanceof Expr.Var) {
            return e;
        }
        if (!Exprs.children(e).stream().allMatch(c -> c instanceof Const)) {
            return e;
        }
        double value = Interpreter.eval(e, name -> {
            throw new IllegalStateException("constant subtree reads " + name);
        });
        return Double.isFinite(value) ? new Const(value) : e;
    }

    private static Expr neg(Expr x) {
        if (x instanceof Neg n) {
            return n.operand();
        } else if (x instanceof Const c) {
            return new Const(-c.value());
        } else if (x instanceof Bin b && b.op() == BinOp.SUB) {
            return new Bin(BinOp.SUB, b.right(), b.left());
        }
        return new Neg(x);
    }

    private static Expr bin(Bin b) {
        Expr l = b.left();
        Expr r = b.right();
        switch (b.op()) {
            case ADD -> {
                if (isConst(l, 0)) {
                    return r;
                } else if (isConst(r, 0)) {
                    return l;
                } else if (r instanceof Neg n) {
                    return bin(new Bin(BinOp.SUB, l, n.operand()));
                } else if (l instanceof Neg n) {
                    return bin(new Bin(BinOp.SUB, r, n.operand()));
                }
            }
            case SUB -> {
                if (isConst(r, 0)) {
                    return l;
                } else if (isConst(l, 0)) {
                    return neg(r);
                } else if (r instanceof Neg n) {
                    return bin(new Bin(BinOp.ADD, l, n.operand()));
                } else if (l.equals(r)) {
                    return new Const(0);
                }
            }
            case MUL -> {
                if (isConst(l, 0) || isConst(r, 0)) {
                    return new Const(0);
                } else if (isConst(l, 1)) {
                    return r;
                } else if (isConst(r, 1)) {
                    return l;
                } else if (isConst(l, -1)) {
                    return neg(r);
                } else if (isConst(r, -1)) {
                    return neg(l);
                } else if (l instanceof Neg a && r instanceof Neg c) {
                    return bin(new Bin(BinOp.MUL, a.operand(), c.operand()));
                } else if (l instanceof Neg a) {
                    return neg(bin(new Bin(BinOp.MUL, a.operand(), r)));
                } else if (r instanceof Neg c) {
                    return neg(bin(new Bin(BinOp.MUL, l, c.operand())));
                }
            }
            case DIV -> {
                if (isConst(l, 0) && !isConst(r, 0)) {
                    return new Const(0);
                } else if (isConst(r, 1)) {
                    return l;
                } else if (isConst(r, -1)) {
                    return neg(l);
                } else if (l instanceof Neg a && r instanceof Neg c) {
                    return bin(new Bin(BinOp.DIV, a.operand(), c.operand()));
                } else if (l instanceof Neg a) {
                    return neg(bin(new Bin(BinOp.DIV, a.operand(), r)));
                }
            }
            case POW -> {
                if (isConst(r, 0)) {
                    return new Const(1);
                } else if (isConst(r, 1)) {
                    return l;
                } else if (isConst(l, 1)) {
                    return new Const(1);
                }
            }
        }
        return foldIfConstant(b);
    }
}
