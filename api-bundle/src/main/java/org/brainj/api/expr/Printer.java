package org.brainj.api.expr;

import java.util.stream.Collectors;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;

/**
 * Prints an expression in the equation language with the fewest parentheses that make
 * {@link ExpressionParser} read back the same tree. Precedence, loosest first, as in Python and
 * Brian2: {@code or}, {@code and}, {@code not}, comparisons, {@code + -}, {@code * /}, unary
 * minus, {@code ^} (right-associative, binding tighter than a unary minus on its left).
 */
public final class Printer {
    static final int OR = 0;
    static final int AND = 1;
    static final int NOT = 2;
    static final int CMP = 3;
    static final int SUM = 4;
    static final int PRODUCT = 5;
    static final int UNARY = 6;
    static final int POWER = 7;
    static final int ATOM = 8;

    private Printer() {
    }

    public static String print(Expr e) {
        if (e instanceof Const c) {
            return number(c.value());
        } else if (e instanceof Var v) {
            return v.name();
        } else if (e instanceof Neg n) {
            // a bare number after '-' would be read as a negative constant, so keep it apart
            boolean keepApart = precedence(n.operand()) < POWER || n.operand() instanceof Const;
            return "-" + wrap(n.operand(), keepApart);
        } else if (e instanceof Bin b) {
            return bin(b);
        } else if (e instanceof Call c) {
            return c.fn().label() + "(" + c.args().stream().map(Printer::print).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Cmp c) {
            return wrap(c.left(), precedence(c.left()) <= CMP) + " " + c.op().symbol() + " "
                    + wrap(c.right(), precedence(c.right()) <= CMP);
        } else if (e instanceof Logic l) {
            int p = precedence(l);
            return wrap(l.left(), precedence(l.left()) < p) + " " + l.op().symbol() + " "
                    + wrap(l.right(), precedence(l.right()) <= p);
        } else if (e instanceof Not n) {
            return "not " + wrap(n.operand(), precedence(n.operand()) < NOT);
        } else if (e instanceof Where w) {
            return "where(" + print(w.cond()) + ", " + print(w.then()) + ", " + print(w.otherwise()) + ")";
        }
        throw new IllegalStateException("unhandled node " + e);
    }

    private static String bin(Bin b) {
        if (b.op() == BinOp.POW) {
            // the exponent is read at unary level, so x^-y and x^y^z need no parentheses
            return wrap(b.left(), precedence(b.left()) < ATOM) + "^"
                    + wrap(b.right(), precedence(b.right()) < UNARY);
        }
        int p = precedence(b);
        return wrap(b.left(), precedence(b.left()) < p) + " " + b.op().symbol() + " "
                + wrap(b.right(), precedence(b.right()) <= p);
    }

    private static String wrap(Expr e, boolean parenthesize) {
        String s = print(e);
        return parenthesize ? "(" + s + ")" : s;
    }

    static int precedence(Expr e) {
        if (e instanceof Const c) {
            return c.value() < 0 || (c.value() == 0 && 1 / c.value() < 0) ? UNARY : ATOM;
        } else if (e instanceof Neg) {
            return UNARY;
        } else if (e instanceof Bin b) {
            return switch (b.op()) {
                case ADD, SUB -> SUM;
                case MUL, DIV -> PRODUCT;
                case POW -> POWER;
            };
        } else if (e instanceof Cmp) {
            return CMP;
        } else if (e instanceof Logic l) {
            return l.op() == LogicOp.AND ? AND : OR;
        } else if (e instanceof Not) {
            return NOT;
        }
        return ATOM;
    }

    /** A number as the lexer reads it back exactly ({@link Double#toString} round-trips). */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return Double.toString(v);
    }
}
