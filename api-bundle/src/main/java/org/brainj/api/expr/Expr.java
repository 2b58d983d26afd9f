package org.brainj.api.expr;

import java.util.List;

/**
 * The expression IR: immutable trees produced by the equation parser and consumed by everything
 * downstream (unit checks, symbolic derivatives, interpretation, code generation). Code for any
 * backend is generated from these trees alone, never from equation text.
 */
public sealed interface Expr {

    /** A number. */
    record Const(double value) implements Expr {
    }

    /** A state variable, parameter, subexpression, {@code t}, {@code dt} or noise term. */
    record Var(String name) implements Expr {
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
    }

    /** Arithmetic: {@code + - * / ^}. */
    record Bin(BinOp op, Expr left, Expr right) implements Expr {
    }

    /** A function of the language applied to its arguments. */
    record Call(Fn fn, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** A comparison; its value is 1 when true and 0 when false in arithmetic contexts. */
    record Cmp(CmpOp op, Expr left, Expr right) implements Expr {
    }

    /** {@code and} / {@code or} of two conditions. */
    record Logic(LogicOp op, Expr left, Expr right) implements Expr {
    }

    /** {@code not} of a condition. */
    record Not(Expr operand) implements Expr {
    }

    /** {@code where(cond, then, otherwise)}: a branch-free choice per element. */
    record Where(Expr cond, Expr then, Expr otherwise) implements Expr {
    }

    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^");

        private final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum CmpOp {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        private final String symbol;

        CmpOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    enum LogicOp {
        AND("and"), OR("or");

        private final String symbol;

        LogicOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The functions of the equation language, by the names users write. */
    enum Fn {
        EXP(1), LOG(1), LOG10(1), SQRT(1), ABS(1), SIN(1), COS(1), TAN(1), TANH(1), SINH(1), COSH(1),
        SIGMOID(1), FLOOR(1), CEIL(1), MIN(2), MAX(2);

        private final int arity;

        Fn(int arity) {
            this.arity = arity;
        }

        public int arity() {
            return arity;
        }

        /** The name users write, e.g. {@code log10}. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
