package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.UnaryOp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Elementwise math, comparisons, logic, where and clip, with broadcasting and caller-supplied outputs. */
public abstract class ElementwiseContract extends BackendContract {
    /** Operands inside every function's domain (log and sqrt need x > 0). */
    private static final double[] POSITIVE = {0.1, 0.5, 1, 2.5, 7.25, 30};
    private static final double[] MIXED = {-3.5, -1, -0.25, 0, 0.75, 1.5, 3};

    static Stream<Arguments> floatUnaryOps() {
        return Stream.of(DType.FLOAT32, DType.FLOAT64)
                .flatMap(d -> Stream.of(UnaryOp.values()).filter(op -> op != UnaryOp.NOT).map(op -> Arguments.of(d, op)));
    }

    /** java.lang.Math for each function; sigmoid by its definition 1 / (1 + e^-x). */
    private static DoubleUnaryOperator reference(UnaryOp op) {
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
            case NOT -> throw new IllegalArgumentException("not is logical");
        };
    }

    @ParameterizedTest
    @MethodSource("floatUnaryOps")
    void unaryMathMatchesJavaLangMath(DType dtype, UnaryOp op) {
        double[] in = Reference.stored(dtype, op == UnaryOp.LOG || op == UnaryOp.LOG10 || op == UnaryOp.SQRT ? POSITIVE : MIXED);
        double[] expected = new double[in.length];
        DoubleUnaryOperator f = reference(op);
        for (int i = 0; i < in.length; i++) {
            expected[i] = f.applyAsDouble(in[i]);
        }
        Tensor x = tensor(dtype, in);
        assertValues(expected, dtype, new int[] {in.length}, backend().unary(op, x, null));
        Tensor out = backend().zeros(dtype, in.length);
        assertSame(out, backend().unary(op, x, out), "the result is the caller's out");
        assertValues(expected, dtype, new int[] {in.length}, out);
    }

    @Test
    void namedUnaryOperationsAreTheirPrimitives() {
        Backend b = backend();
        Tensor x = b.asTensor(new double[] {0.5, 2});
        assertArrayEquals(new double[] {Math.exp(0.5), Math.exp(2)}, b.exp(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.log(0.5), Math.log(2)}, b.log(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(2)}, b.sqrt(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.sin(0.5), Math.sin(2)}, b.sin(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.cos(0.5), Math.cos(2)}, b.cos(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {Math.tanh(0.5), Math.tanh(2)}, b.tanh(x).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {-0.5, -2}, b.neg(x).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 2}, b.abs(b.neg(x)).toDoubleArray());
    }

    @Test
    void int32NegAbsAndBoolNot() {
        Backend b = backend();
        assertArrayEquals(new int[] {3, 0, -7}, b.neg(b.asTensor(new int[] {-3, 0, 7})).toIntArray());
        assertArrayEquals(new int[] {3, 0, 7}, b.abs(b.asTensor(new int[] {-3, 0, 7})).toIntArray());
        Tensor not = b.logicalNot(b.asTensor(new boolean[] {true, false}));
        assertArrayEquals(new boolean[] {false, true}, not.toBooleanArray());
    }

    static Stream<Arguments> floatArithmetic() {
        return Stream.of(DType.FLOAT32, DType.FLOAT64).flatMap(d -> Stream.of(BinaryOp.values())
                .filter(op -> op.kind() == BinaryOp.Kind.ARITHMETIC).map(op -> Arguments.of(d, op)));
    }

    private static DoubleBinaryOperator reference(BinaryOp op) {
        return switch (op) {
            case ADD -> (x, y) -> x + y;
            case SUB -> (x, y) -> x - y;
            case MUL -> (x, y) -> x * y;
            case DIV -> (x, y) -> x / y;
            case POW -> Math::pow;
            case MINIMUM -> Math::min;
            case MAXIMUM -> Math::max;
            case LT -> (x, y) -> x < y ? 1 : 0;
            case LE -> (x, y) -> x <= y ? 1 : 0;
            case GT -> (x, y) -> x > y ? 1 : 0;
            case GE -> (x, y) -> x >= y ? 1 : 0;
            case EQ -> (x, y) -> x == y ? 1 : 0;
            case NE -> (x, y) -> x != y ? 1 : 0;
            case AND -> (x, y) -> x != 0 && y != 0 ? 1 : 0;
            case OR -> (x, y) -> x != 0 || y != 0 ? 1 : 0;
            case XOR -> (x, y) -> (x != 0) != (y != 0) ? 1 : 0;
        };
    }

    /** A (3, 1) column against a (4,) row broadcasts to (3, 4): element (i, j) combines a[i] and b[j]. */
    private void assertBroadcastBinary(DType dtype, BinaryOp op, double[] a, double[] bv) {
        double[] as = Reference.stored(dtype, a);
        double[] bs = Reference.stored(dtype, bv);
        DoubleBinaryOperator f = reference(op);
        double[] expected = new double[as.length * bs.length];
        for (int i = 0; i < as.length; i++) {
            for (int j = 0; j < bs.length; j++) {
                expected[i * bs.length + j] = f.applyAsDouble(as[i], bs[j]);
            }
        }
        DType resultType = op.resultType(dtype);
        int[] shape = {as.length, bs.length};
        Tensor x = tensor(dtype, a, as.length, 1);
        Tensor y = tensor(dtype, bv);
        assertValues(Reference.stored(resultType, expected), resultType, shape, backend().binary(op, x, y, null));
        Tensor out = backend().zeros(resultType, shape);
        assertSame(out, backend().binary(op, x, y, out), "the result is the caller's out");
        assertValues(Reference.stored(resultType, expected), resultType, shape, out);
    }

    @ParameterizedTest
    @MethodSource("floatArithmetic")
    void floatArithmeticBroadcastsLikeNumpy(DType dtype, BinaryOp op) {
        assertBroadcastBinary(dtype, op, new double[] {0.5, 1.25, 3}, new double[] {-2, 0.75, 1, 2.5});
    }

    @ParameterizedTest
    @EnumSource(value = BinaryOp.class, names = {"ADD", "SUB", "MUL", "DIV", "MINIMUM", "MAXIMUM"})
    void int32ArithmeticIsJavaIntArithmetic(BinaryOp op) {
        // Java int division truncates toward zero: -7 / 2 = -3.
        assertBroadcastBinary(DType.INT32, op, new double[] {-7, 0, 9}, new double[] {2, -3, 1, 4});
    }

    @Test
    void int32PowerIsRepeatedMultiplication() {
        Tensor r = backend().pow(backend().asTensor(new int[] {2, -3, 5, 7}), backend().asTensor(new int[] {10, 3, 0, 1}));
        assertArrayEquals(new int[] {1024, -27, 1, 7}, r.toIntArray());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT32"})
    void comparisonsGiveBool(DType dtype) {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.kind() == BinaryOp.Kind.COMPARISON) {
                assertBroadcastBinary(dtype, op, new double[] {-1, 2, 3}, new double[] {2, -1, 3, 0});
            }
        }
    }

    @Test
    void logicalOpsOnBool() {
        for (BinaryOp op : BinaryOp.values()) {
            if (op.kind() == BinaryOp.Kind.LOGICAL) {
                assertBroadcastBinary(DType.BOOL, op, new double[] {1, 0}, new double[] {1, 0, 0, 1});
            }
        }
    }

    @Test
    void namedBinaryOperationsAreTheirPrimitives() {
        Backend b = backend();
        Tensor x = b.asTensor(new double[] {1, 4});
        Tensor y = b.asTensor(new double[] {2, 2});
        assertArrayEquals(new double[] {3, 6}, b.add(x, y).toDoubleArray());
        assertArrayEquals(new double[] {-1, 2}, b.sub(x, y).toDoubleArray());
        assertArrayEquals(new double[] {2, 8}, b.mul(x, y).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 2}, b.div(x, y).toDoubleArray());
        assertArrayEquals(new double[] {1, 16}, b.pow(x, y).toDoubleArray());
        assertArrayEquals(new double[] {1, 2}, b.minimum(x, y).toDoubleArray());
        assertArrayEquals(new double[] {2, 4}, b.maximum(x, y).toDoubleArray());
        assertArrayEquals(new boolean[] {true, false}, b.less(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false}, b.lessEqual(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true}, b.greater(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true}, b.greaterEqual(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {false, false}, b.equal(x, y).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true}, b.notEqual(x, y).toBooleanArray());
        Tensor p = b.asTensor(new boolean[] {true, true, false});
        Tensor q = b.asTensor(new boolean[] {true, false, false});
        assertArrayEquals(new boolean[] {true, false, false}, b.logicalAnd(p, q).toBooleanArray());
        assertArrayEquals(new boolean[] {true, true, false}, b.logicalOr(p, q).toBooleanArray());
        assertArrayEquals(new boolean[] {false, true, false}, b.logicalXor(p, q).toBooleanArray());
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void broadcastingHigherRanksAndScalars(DType dtype) {
        Backend b = backend();
        // (2, 1, 3) + (4, 1) -> (2, 4, 3); element (i, j, k) = a[i, 0, k] + c[j, 0].
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] c = {10, 20, 30, 40};
        double[] expected = new double[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 4; j++) {
                for (int k = 0; k < 3; k++) {
                    expected[(i * 4 + j) * 3 + k] = a[i * 3 + k] + c[j];
                }
            }
        }
        assertValues(expected, dtype, new int[] {2, 4, 3},
                b.add(tensor(dtype, a, 2, 1, 3), tensor(dtype, c, 4, 1)));
        // A 0-d operand on either side.
        Tensor half = b.scalar(dtype, 0.5);
        assertValues(new double[] {0.5, 1, 1.5, 2, 2.5, 3}, dtype, new int[] {2, 3}, b.mul(half, tensor(dtype, a, 2, 3)));
        assertValues(new double[] {0.5, 1.5, 2.5, 3.5, 4.5, 5.5}, dtype, new int[] {2, 3}, b.sub(tensor(dtype, a, 2, 3), half));
        assertValues(new double[] {1}, dtype, new int[0], b.add(half, half));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void inPlaceOutputIsAnOperand(DType dtype) {
        Backend b = backend();
        Tensor v = tensor(dtype, new double[] {1, 2, 3});
        Tensor dv = tensor(dtype, new double[] {0.5, 0.5, -1});
        for (int step = 0; step < 3; step++) {
            assertSame(v, b.binary(BinaryOp.ADD, v, dv, v));
        }
        assertValues(new double[] {2.5, 3.5, 0}, dtype, new int[] {3}, v);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT32", "BOOL"})
    void whereSelectsWithBroadcasting(DType dtype) {
        Backend b = backend();
        Tensor cond = b.asTensor(new boolean[] {true, false, true}, 3, 1);
        Tensor a = tensor(dtype, new double[] {1, 0});
        Tensor c = b.scalar(dtype, 5);
        // (3, 1) ? (2,) : () -> (3, 2); rows with cond take a, the others the scalar.
        double[] expected = Reference.stored(dtype, new double[] {1, 0, 5, 5, 1, 0});
        assertValues(expected, dtype, new int[] {3, 2}, b.where(cond, a, c));
        Tensor out = b.zeros(dtype, 3, 2);
        assertSame(out, b.where(cond, a, c, out));
        assertValues(expected, dtype, new int[] {3, 2}, out);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64", "INT32"})
    void clipLimitsToTheRange(DType dtype) {
        Backend b = backend();
        double[] v = {-5, -1, 0, 2, 3, 9};
        Tensor x = tensor(dtype, v, 2, 3);
        double[] expected = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            expected[i] = Math.min(Math.max(v[i], -1), 3);
        }
        assertValues(expected, dtype, new int[] {2, 3}, b.clip(x, -1, 3));
        assertSame(x, b.clip(x, -1, 3, x), "clip in place");
        assertValues(expected, dtype, new int[] {2, 3}, x);
    }
}
