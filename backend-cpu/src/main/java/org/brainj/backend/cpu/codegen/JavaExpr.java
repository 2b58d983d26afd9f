package org.brainj.backend.cpu.codegen;

import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
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
import org.brainj.api.expr.Exprs;

/**
 * Java source for an expression, with the semantics of {@link org.brainj.api.expr.Interpreter}:
 * doubles throughout, conditions as booleans, a comparison or logical operation used as a number
 * becomes 1.0 or 0.0, a number used as a condition is true when non-zero. Variables appear only
 * under the Java names the caller assigned them, so no text of the model reaches the compiler.
 */
final class JavaExpr {
    private final Map<String, String> names;
    /** The Java locals that hold a 0/1 flag as a boolean. */
    private final Set<String> booleans;

    /** @param names the Java local for each variable the expressions read */
    JavaExpr(Map<String, String> names) {
        this(names, Set.of());
    }

    /**
     * @param names    the Java local for each variable the expressions read
     * @param booleans the locals among them that hold a flag (a variable that is 1 or 0) as a
     *                 boolean: read as 1.0 or 0.0 where a number is needed, directly where a
     *                 condition is, which spares the select and the comparison
     */
    JavaExpr(Map<String, String> names, Set<String> booleans) {
        this.names = names;
        this.booleans = booleans;
    }

    String number(Expr e) {
        if (e instanceof Const c) {
            return literal(c.value());
        } else if (e instanceof Var v) {
            String local = names.get(v.name());
            if (local == null) {
                throw new IllegalStateException("no local for " + v.name());
            }
            return booleans.contains(local) ? "(" + local + " ? 1.0 : 0.0)" : local;
        } else if (e instanceof Neg n) {
            return "(-" + number(n.operand()) + ")";
        } else if (e instanceof Bin b) {
            String l = number(b.left());
            String r = number(b.right());
            return b.op() == Expr.BinOp.POW ? "Math.pow(" + l + ", " + r + ")" : "(" + l + " " + b.op().symbol() + " " + r + ")";
        } else if (e instanceof Call c) {
            return call(c);
        } else if (e instanceof Where w) {
            return "(" + condition(w.cond()) + " ? " + number(w.then()) + " : " + number(w.otherwise()) + ")";
        }
        return "(" + condition(e) + " ? 1.0 : 0.0)";
    }

    String condition(Expr e) {
        String flag = flagTest(e);
        if (flag != null) {
            return flag;
        }
        if (e instanceof Cmp c) {
            return "(" + number(c.left()) + " " + c.op().symbol() + " " + number(c.right()) + ")";
        } else if (e instanceof Logic l) {
            // without a call on either side both operands cost less than the branch a short circuit takes
            boolean cheap = !hasCall(l.left()) && !hasCall(l.right());
            String op = l.op() == LogicOp.AND ? (cheap ? " & " : " && ") : (cheap ? " | " : " || ");
            return "(" + condition(l.left()) + op + condition(l.right()) + ")";
        } else if (e instanceof Not n) {
            return "(!" + condition(n.operand()) + ")";
        }
        return "(" + number(e) + " != 0.0)";
    }

    /**
     * The boolean local itself where {@code e} tests a flag held as a boolean for being set: the
     * flag itself, {@code flag > c} with {@code 0 <= c < 1} (how the runtime reads its flags back)
     * or {@code flag != 0}; else null.
     */
    private String flagTest(Expr e) {
        if (e instanceof Var v && booleans.contains(names.get(v.name()))) {
            return names.get(v.name());
        }
        if (e instanceof Cmp c && c.left() instanceof Var v && booleans.contains(names.get(v.name()))
                && c.right() instanceof Const k
                && (c.op() == CmpOp.GT && k.value() >= 0 && k.value() < 1 || c.op() == CmpOp.NE && k.value() == 0)) {
            return names.get(v.name());
        }
        return null;
    }

    private static boolean hasCall(Expr e) {
        return e instanceof Call || Exprs.children(e).stream().anyMatch(JavaExpr::hasCall);
    }

    private String call(Call c) {
        String x = number(c.args().get(0));
        return switch (c.fn()) {
            case SIGMOID -> "(1.0 / (1.0 + Math.exp(-" + x + ")))";
            case MIN, MAX -> "Math." + c.fn().label() + "(" + x + ", " + number(c.args().get(1)) + ")";
            default -> "Math." + c.fn().label() + "(" + x + ")";
        };
    }

    static String literal(double v) {
        if (Double.isNaN(v)) {
            return "Double.NaN";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        String text = Double.toString(v);
        return v < 0 || (v == 0 && 1 / v < 0) ? "(" + text + ")" : text;
    }
}
