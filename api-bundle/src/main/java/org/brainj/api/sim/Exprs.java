package org.brainj.api.sim;

import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;

/** Small constructors and a substitution over the IR, for the code the runtime adds to a group's step. */
final class Exprs {
    private Exprs() {
    }

    static Expr v(String name) {
        return new Var(name);
    }

    static Expr c(double value) {
        return new Const(value);
    }

    static Expr add(Expr a, Expr b) {
        return new Bin(BinOp.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new Bin(BinOp.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new Bin(BinOp.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Bin(BinOp.DIV, a, b);
    }

    static Expr where(Expr cond, Expr then, Expr otherwise) {
        return new Where(cond, then, otherwise);
    }

    static Expr ge(Expr a, Expr b) {
        return new Cmp(CmpOp.GE, a, b);
    }

    static Expr and(Expr a, Expr b) {
        return new Logic(LogicOp.AND, a, b);
    }

    /** A 0/1 flag held in a float local, read back as a condition. */
    static Expr isSet(String flag) {
        return new Cmp(CmpOp.GT, v(flag), c(0.5));
    }

    /** {@code e} with every variable named in {@code replacements} replaced by its expression. */
    static Expr substitute(Expr e, Map<String, Expr> replacements) {
        // Java 17 has no pattern switch yet: an instanceof chain over the sealed IR
        if (e instanceof Var x) {
            return replacements.getOrDefault(x.name(), x);
        } else if (e instanceof Neg n) {
            return new Neg(substitute(n.operand(), replacements));
        } else if (e instanceof Bin b) {
            return new Bin(b.op(), substitute(b.left(), replacements), substitute(b.right(), replacements));
        } else if (e instanceof Call f) {
            return new Call(f.fn(), f.args().stream().map(a -> substitute(a, replacements)).toList());
        } else if (e instanceof Cmp k) {
            return new Cmp(k.op(), substitute(k.left(), replacements), substitute(k.right(), replacements));
        } else if (e instanceof Logic l) {
            return new Logic(l.op(), substitute(l.left(), replacements), substitute(l.right(), replacements));
        } else if (e instanceof Not n) {
            return new Not(substitute(n.operand(), replacements));
        } else if (e instanceof Where w) {
            return new Where(substitute(w.cond(), replacements), substitute(w.then(), replacements),
                    substitute(w.otherwise(), replacements));
        }
        return e; // Const
    }

    /** Whether {@code name} occurs in {@code e}. */
    static boolean mentions(Expr e, String name) {
        if (e instanceof Var x) {
            return x.name().equals(name);
        } else if (e instanceof Neg n) {
            return mentions(n.operand(), name);
        } else if (e instanceof Bin b) {
            return mentions(b.left(), name) || mentions(b.right(), name);
        } else if (e instanceof Call f) {
            return f.args().stream().anyMatch(a -> mentions(a, name));
        } else if (e instanceof Cmp k) {
            return mentions(k.left(), name) || mentions(k.right(), name);
        } else if (e instanceof Logic l) {
            return mentions(l.left(), name) || mentions(l.right(), name);
        } else if (e instanceof Not n) {
            return mentions(n.operand(), name);
        } else if (e instanceof Where w) {
            return mentions(w.cond(), name) || mentions(w.then(), name) || mentions(w.otherwise(), name);
        }
        return false; // Const
    }
}
