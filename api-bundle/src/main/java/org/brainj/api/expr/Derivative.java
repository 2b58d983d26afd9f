package org.brainj.api.expr;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.call;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.isConst;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.neg;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.pow;
import static org.brainj.api.expr.Exprs.sub;

import java.util.List;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;

/**
 * Symbolic partial derivatives. Piecewise expressions are differentiated piece by piece:
 * {@code where(c, a, b)} gives {@code where(c, a', b')}, {@code min}/{@code max} pick the
 * derivative of the chosen argument, {@code abs} the sign, and comparisons, logic,
 * {@code floor} and {@code ceil} are locally constant (derivative 0 away from their jumps).
 */
public final class Derivative {
    private static final double LN10 = Math.log(10);

    private Derivative() {
    }

    /** {@code d e / d variable}, simplified. */
    public static Expr of(Expr e, String variable) {
        return Simplify.of(d(Simplify.of(e), variable));
    }

    private static Expr d(Expr e, String x) {
        if (!FreeVars.reads(e, x)) {
            return num(0);
        }
        if (e instanceof Const) {
            return num(0);
        } else if (e instanceof Var v) {
            return num(v.name().equals(x) ? 1 : 0);
        } else if (e instanceof Neg n) {
            return neg(d(n.operand(), x));
        } else if (e instanceof Bin b) {
            return bin(b, x);
        } else if (e instanceof Call c) {
            return function(c, x);
        } else if (e instanceof Cmp || e instanceof Logic || e instanceof Not) {
            return num(0);
        } else if (e instanceof Where w) {
            return new Where(w.cond(), d(w.then(), x), d(w.otherwise(), x));
        }
        throw new IllegalStateException("unhandled node " + e);
    }

    private static Expr bin(Bin b, String x) {
        Expr u = b.left();
        Expr v = b.right();
        Expr du = Simplify.of(d(u, x));
        Expr dv = Simplify.of(d(v, x));
        return switch (b.op()) {
            case ADD -> add(du, dv);
            case SUB -> sub(du, dv);
            case MUL -> add(mul(du, v), mul(u, dv));
            case DIV -> isConst(dv, 0)
                    ? div(du, v)
                    : div(sub(mul(du, v), mul(u, dv)), pow(v, num(2)));
            case POW -> power(b, u, v, du, dv);
        };
    }

    private static Expr power(Expr whole, Expr u, Expr v, Expr du, Expr dv) {
        if (isConst(dv, 0)) {
            // n u^(n-1) u', valid for negative bases as well (no log of u)
            return mul(mul(v, pow(u, sub(v, num(1)))), du);
        }
        Expr logU = call(Fn.LOG, u);
        if (isConst(du, 0)) {
            return mul(mul(whole, logU), dv);
        }
        return mul(whole, add(mul(dv, logU), div(mul(v, du), u)));
    }

    private static Expr function(Call c, String x) {
        List<Expr> args = c.args();
        Expr u = args.get(0);
        Expr du = d(u, x);
        return switch (c.fn()) {
            case EXP -> mul(c, du);
            case LOG -> div(du, u);
            case LOG10 -> div(du, mul(u, num(LN10)));
            case SQRT -> div(du, mul(num(2), c));
            case ABS -> new Where(new Cmp(CmpOp.LT, u, num(0)), neg(du), du);
            case SIN -> mul(call(Fn.COS, u), du);
            case COS -> neg(mul(call(Fn.SIN, u), du));
            case TAN -> div(du, pow(call(Fn.COS, u), num(2)));
            case TANH -> mul(sub(num(1), pow(c, num(2))), du);
            case SINH -> mul(call(Fn.COSH, u), du);
            case COSH -> mul(call(Fn.SINH, u), du);
            case SIGMOID -> mul(mul(c, sub(num(1), c)), du);
            case FLOOR, CEIL -> num(0);
            case MIN -> new Where(new Cmp(CmpOp.LE, u, args.get(1)), du, d(args.get(1), x));
            case MAX -> new Where(new Cmp(CmpOp.GE, u, args.get(1)), du, d(args.get(1), x));
        };
    }
}
