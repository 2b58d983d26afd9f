package org.brainj.backend.cpu;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntBinaryOperator;
import java.util.function.IntUnaryOperator;
import org.brainj.api.BrainJException;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.UnaryOp;

/**
 * The elementwise kernels, operands already checked. Float32 is computed in double and rounded
 * once, which gives the correctly rounded float32 result for + - * / and sqrt.
 */
final class Elementwise {
    private Elementwise() {
    }

    static void unary(UnaryOp op, CpuTensor x, CpuTensor out) {
        int n = x.size();
        if (op == UnaryOp.NOT) {
            for (int i = 0; i < n; i++) {
                out.setBool(i, !x.getBool(i));
            }
        } else if (x.dtype() == DType.INT32) {
            IntUnaryOperator f = intFunction(op);
            for (int i = 0; i < n; i++) {
                out.setInt(i, f.applyAsInt(x.getInt(i)));
            }
        } else {
            DoubleUnaryOperator f = function(op);
            for (int i = 0; i < n; i++) {
                out.set(i, f.applyAsDouble(x.get(i)));
            }
        }
    }

    static void binary(BinaryOp op, CpuTensor a, CpuTensor b, CpuTensor out) {
        CpuTensor[] operands = {a, b};
        switch (op.kind()) {
            case ARITHMETIC -> {
                if (a.dtype() == DType.INT32) {
                    IntBinaryOperator f = intFunction(op);
                    Broadcast.forEach(out.shapeRef(), operands,
                            (o, p) -> out.setInt(o, f.applyAsInt(a.getInt(p[0]), b.getInt(p[1]))));
                } else {
                    DoubleBinaryOperator f = function(op);
                    Broadcast.forEach(out.shapeRef(), operands,
                            (o, p) -> out.set(o, f.applyAsDouble(a.get(p[0]), b.get(p[1]))));
                }
            }
            case COMPARISON -> {
                Comparison c = comparison(op);
                Broadcast.forEach(out.shapeRef(), operands,
                        (o, p) -> out.setBool(o, c.test(a.get(p[0]), b.get(p[1]))));
            }
            case LOGICAL -> {
                Logical l = logical(op);
                Broadcast.forEach(out.shapeRef(), operands,
                        (o, p) -> out.setBool(o, l.test(a.getBool(p[0]), b.getBool(p[1]))));
            }
        }
    }

    /** Every dtype is exact in double (int32 and bool included), so one loop serves all. */
    static void where(CpuTensor cond, CpuTensor a, CpuTensor b, CpuTensor out) {
        Broadcast.forEach(out.shapeRef(), new CpuTensor[] {cond, a, b},
                (o, p) -> out.set(o, cond.getBool(p[0]) ? a.get(p[1]) : b.get(p[2])));
    }

    /** NaN stays NaN, as in numpy. */
    static void clip(CpuTensor x, double lo, double hi, CpuTensor out) {
        for (int i = 0; i < x.size(); i++) {
            out.set(i, Math.min(Math.max(x.get(i), lo), hi));
        }
    }

    private static DoubleUnaryOperator function(UnaryOp op) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case EXP -> Math::exp;
            case LOG -> Math::log;
            case LOG10 -> Math::log10;
            case SQRT -> Math::sqrt;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TAN -> Math::tan;
            case TANH -> Math::tanh;
            case SINH -> Math::sinh;
            case COSH -> Math::cosh;
            case SIGMOID -> x -> 1 / (1 + Math.exp(-x));
            case FLOOR -> Math::floor;
            case CEIL -> Math::ceil;
            case NOT -> throw new IllegalStateException("not is logical");
        };
    }

    private static IntUnaryOperator intFunction(UnaryOp op) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            default -> throw new IllegalStateException(op + " is not defined on int32");
        };
    }

    private static DoubleBinaryOperator function(BinaryOp op) {
        return switch (op) {
            case ADD -> Double::sum;
            case SUB -> (x, y) -> x - y;
            case MUL -> (x, y) -> x * y;
            case DIV -> (x, y) -> x / y;
            case POW -> Math::pow;
            case MINIMUM -> Math::min;
            case MAXIMUM -> Math::max;
            default -> throw new IllegalStateException(op + " is not arithmetic");
        };
    }

    private static IntBinaryOperator intFunction(BinaryOp op) {
        return switch (op) {
            case ADD -> Integer::sum;
            case SUB -> (x, y) -> x - y;
            case MUL -> (x, y) -> x * y;
            case DIV -> Elementwise::divide;
            case POW -> Elementwise::power;
            case MINIMUM -> Math::min;
            case MAXIMUM -> Math::max;
            default -> throw new IllegalStateException(op + " is not arithmetic");
        };
    }

    private static int divide(int x, int y) {
        if (y == 0) {
            throw new BrainJException("div: int32 division by zero; convert to a float dtype with astype for inf/nan");
        }
        return x / y;
    }

    /** Exponentiation by squaring, wrapping on overflow as int32 arithmetic does. */
    private static int power(int base, int exponent) {
        if (exponent < 0) {
            throw new BrainJException("pow: negative int32 exponent " + exponent
                    + " has no int32 result; convert to a float dtype with astype");
        }
        int result = 1;
        int b = base;
        for (int e = exponent; e > 0; e >>= 1) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
        }
        return result;
    }

    private interface Comparison {
        boolean test(double x, double y);
    }

    private interface Logical {
        boolean test(boolean x, boolean y);
    }

    private static Comparison comparison(BinaryOp op) {
        return switch (op) {
            case LT -> (x, y) -> x < y;
            case LE -> (x, y) -> x <= y;
            case GT -> (x, y) -> x > y;
            case GE -> (x, y) -> x >= y;
            case EQ -> (x, y) -> x == y;
            case NE -> (x, y) -> x != y;
            default -> throw new IllegalStateException(op + " is not a comparison");
        };
    }

    private static Logical logical(BinaryOp op) {
        return switch (op) {
            case AND -> (x, y) -> x && y;
            case OR -> (x, y) -> x || y;
            case XOR -> (x, y) -> x ^ y;
            default -> throw new IllegalStateException(op + " is not logical");
        };
    }
}
