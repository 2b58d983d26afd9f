package org.brainj.api.expr;

import java.util.List;
import java.util.function.UnaryOperator;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;

/**
 * Structural helpers over the IR: a node's children, a node rebuilt over new children, and short
 * constructors for code that builds expressions (integrators, derivatives).
 */
public final class Exprs {
    private Exprs() {
    }

    /** The direct operands of {@code e}, left to right. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Neg n) {
            return List.of(n.operand());
        } else if (e instanceof Bin b) {
            return List.of(b.left(), b.right());
        } else if (e instanceof Call c) {
            return c.args();
        } else if (e instanceof Cmp c) {
            return List.of(c.left(), c.right());
        } else if (e instanceof Logic l) {
            return List.of(l.left(), l.right());
        } else if (e instanceof Not n) {
            return List.of(n.operand());
        } else if (e instanceof Where w) {
            return List.of(w.cond(), w.then(), w.otherwise());
        }
        return List.of();
    }

    /** {@code e} with each child replaced by {@code f(child)}; leaves are returned as they are. */
    public static Expr mapChildren(Expr e, UnaryOperator<Expr> f) {
        if (e instanceof Neg n) {
            return new Neg(f.apply(n.operand()));
        } else if (e instanceof Bin b) {
            return new Bin(b.op(), f.apply(b.left()), f.apply(b.right()));
        } else if (e instanceof Call c) {
            return new Call(c.fn(), c.args().stream().map(f).toList());
        } else if (e instanceof Cmp c) {
            return new Cmp(c.op(), f.apply(c.left()), f.apply(c.right()));
        } else if (e instanceof Logic l) {
            return new Logic(l.op(), f.apply(l.left()), f.apply(l.right()));
        } else if (e instanceof Not n) {
            return new Not(f.apply(n.operand()));
        } else if (e instanceof Where w) {
            return new Where(f.apply(w.cond()), f.apply(w.then()), f.apply(w.otherwise()));
        }
        return e;
    }

    public static Expr num(double value) {
        return new Const(value);
    }

    public static Expr var(String name) {
        return new Var(name);
    }

    public static Expr add(Expr a, Expr b) {
        return new Bin(BinOp.ADD, a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        return new Bin(BinOp.SUB, a, b);
    }

    public static Expr mul(Expr a, Expr b) {
        return new Bin(BinOp.MUL, a, b);
    }

    public static Expr div(Expr a, Expr b) {
        return new Bin(BinOp.DIV, a, b);
    }

    public static Expr pow(Expr a, Expr b) {
        return new Bin(BinOp.POW, a, b);
    }

    public static Expr neg(Expr a) {
        return new Neg(a);
    }

    public static Expr call(Expr.Fn fn, Expr... args) {
        return new Call(fn, List.of(args));
    }

    /** Whether {@code e} is the constant {@code value}. */
    public static boolean isConst(Expr e, double value) {
        return e instanceof Const c && c.value() == value;
    }
}
