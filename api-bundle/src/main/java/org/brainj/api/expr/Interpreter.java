package org.brainj.api.expr;

import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
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
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.ShapeMismatchException;

/**
 * Evaluates expressions directly, for scalars (tests, analysis, stand-alone integration of a few
 * variables) and for arrays (one value per element). These are the semantics every code
 * generator reproduces: conditions are true when non-zero, a comparison or logical operation is
 * 1 or 0 as a number, {@code ^} is {@link Math#pow}, {@code log} is natural, and
 * {@code sigmoid(x) = 1 / (1 + exp(-x))}.
 */
public final class Interpreter {
    private Interpreter() {
    }

    /** The value of {@code e}, reading each variable from {@code env}. */
    public static double eval(Expr e, ToDoubleFunction<String> env) {
        if (e instanceof Const c) {
            return c.value();
        } else if (e instanceof Var v) {
            return env.applyAsDouble(v.name());
        } else if (e instanceof Neg n) {
            return -eval(n.operand(), env);
        } else if (e instanceof Bin b) {
            return apply(b.op(), eval(b.left(), env), eval(b.right(), env));
        } else if (e instanceof Call c) {
            List<Expr> args = c.args();
            double x = eval(args.get(0), env);
            return c.fn().arity() == 1 ? apply(c.fn(), x) : apply(c.fn(), x, eval(args.get(1), env));
        } else if (e instanceof Cmp c) {
            return truth(compare(c.op(), eval(c.left(), env), eval(c.right(), env)));
        } else if (e instanceof Logic l) {
            boolean left = isTrue(eval(l.left(), env));
            // short-circuit as the generated code does: the right side is not evaluated when decided
            boolean value = switch (l.op()) {
                case AND -> left && isTrue(eval(l.right(), env));
                case OR -> left || isTrue(eval(l.right(), env));
            };
            return truth(value);
        } else if (e instanceof Not n) {
            return truth(!isTrue(eval(n.operand(), env)));
        } else if (e instanceof Where w) {
            return isTrue(eval(w.cond(), env)) ? eval(w.then(), env) : eval(w.otherwise(), env);
        }
        throw new IllegalStateException("unhandled node " + e);
    }

    /** The value of {@code e} with variables read from {@code env}; a missing one is an error. */
    public static double eval(Expr e, Map<String, Double> env) {
        return eval(e, name -> {
            Double value = env.get(name);
            if (value == null) {
                throw new UnknownNameException("variable", name, env.keySet());
            }
            return value;
        });
    }

    /**
     * The value of {@code e} for each of {@code n} elements. Each variable has an array of
     * {@code n} values, or of one value shared by all elements.
     */
    public static double[] eval(Expr e, Map<String, double[]> env, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int element = i;
            out[i] = eval(e, name -> {
                double[] values = env.get(name);
                if (values == null) {
                    throw new UnknownNameException("variable", name, env.keySet());
                }
                if (values.length != 1 && values.length != n) {
                    throw new ShapeMismatchException("variable '" + name + "' has " + values.length
                            + " values; give " + n + " (one per element) or 1 (shared)");
                }
                return values.length == 1 ? values[0] : values[element];
            });
        }
        return out;
    }

    public static double apply(BinOp op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
        };
    }

    public static double apply(Fn fn, double x) {
        return switch (fn) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case LOG10 -> Math.log10(x);
            case SQRT -> Math.sqrt(x);
            case ABS -> Math.abs(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case TANH -> Math.tanh(x);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case SIGMOID -> sigmoid(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case MIN, MAX -> throw new IllegalArgumentException(fn.label() + " takes 2 arguments");
        };
    }

    public static double apply(Fn fn, double x, double y) {
        return switch (fn) {
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            default -> throw new IllegalArgumentException(fn.label() + " takes 1 argument");
        };
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    public static boolean compare(CmpOp op, double a, double b) {
        return switch (op) {
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
            case EQ -> a == b;
            case NE -> a != b;
        };
    }

    /** A number as a condition: true when non-zero (NaN is true, as {@code NaN != 0}). */
    public static boolean isTrue(double x) {
        return x != 0.0;
    }

    private static double truth(boolean b) {
        return b ? 1.0 : 0.0;
    }
}
