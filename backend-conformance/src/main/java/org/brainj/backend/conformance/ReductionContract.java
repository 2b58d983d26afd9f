package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** sum mean max min over the whole tensor and along each axis, with the result dtypes of {@link Reduction}. */
public abstract class ReductionContract extends BackendContract {
    private static final int[] SHAPE = {2, 3, 4};

    static Stream<Arguments> cases() {
        return Stream.of(DType.FLOAT32, DType.FLOAT64, DType.INT32)
                .flatMap(d -> Stream.of(Reduction.values()).map(op -> Arguments.of(d, op)));
    }

    /** 24 distinct values, some negative, not in sorted order. */
    private static double[] values() {
        double[] v = new double[24];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 7) % 24) - 9.5 + (i % 3) * 0.25;
        }
        return v;
    }

    private static double fold(Reduction op, double[] xs) {
        double r = switch (op) {
            case SUM, MEAN -> 0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
        };
        for (double x : xs) {
            r = switch (op) {
                case SUM, MEAN -> r + x;
                case MAX -> Math.max(r, x);
                case MIN -> Math.min(r, x);
            };
        }
        return op == Reduction.MEAN ? r / xs.length : r;
    }

    private static double[] abs(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = Math.abs(v[i]);
        }
        return r;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wholeTensor(DType dtype, Reduction op) {
        double[] v = Reference.stored(dtype, values());
        DType result = op.resultType(dtype);
        Tensor x = tensor(dtype, v, SHAPE);
        double[] expected = {fold(op, v)};
        double[] scale = {fold(op, abs(v))};
        assertSums(expected, scale, result, new int[0], backend().reduce(op, x, null));
        Tensor out = backend().zeros(result);
        assertSame(out, backend().reduce(op, x, out));
        assertSums(expected, scale, result, new int[0], out);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void alongEachAxis(DType dtype, Reduction op) {
        double[] v = Reference.stored(dtype, values());
        DType result = op.resultType(dtype);
        Tensor x = tensor(dtype, v, SHAPE);
        for (int axis = -3; axis < 3; axis++) {
            int a = axis < 0 ? axis + 3 : axis;
            int[] outShape = new int[2];
            for (int d = 0, k = 0; d < 3; d++) {
                if (d != a) {
                    outShape[k++] = SHAPE[d];
                }
            }
            double[] expected = new double[Reference.size(outShape)];
            double[] scale = new double[expected.length];
            for (int o = 0; o < expected.length; o++) {
                int[] rest = Reference.unflat(outShape, o);
                double[] line = new double[SHAPE[a]];
                for (int k = 0; k < line.length; k++) {
                    int[] index = new int[3];
                    for (int d = 0, r = 0; d < 3; d++) {
                        index[d] = d == a ? k : rest[r++];
                    }
                    line[k] = v[Reference.flat(SHAPE, index)];
                }
                expected[o] = fold(op, line);
                scale[o] = fold(op, abs(line));
            }
            assertSums(expected, scale, result, outShape, backend().reduce(op, x, axis, null));
            Tensor out = backend().zeros(result, outShape);
            assertSame(out, backend().reduce(op, x, axis, out));
            assertSums(expected, scale, result, outShape, out);
        }
    }

    @Test
    void resultDtypes() {
        Backend b = backend();
        Tensor ints = b.asTensor(new int[] {1, 2, 4});
        assertEquals(DType.INT32, b.sum(ints).dtype());
        assertEquals(7, b.sum(ints).item());
        assertEquals(DType.FLOAT64, b.mean(ints).dtype());
        assertEquals(7.0 / 3, b.mean(ints).item(), 1e-15);
        Tensor f = b.asTensor(new float[] {1, 2});
        assertEquals(DType.FLOAT32, b.sum(f).dtype());
        assertEquals(DType.FLOAT32, b.mean(f).dtype());
    }

    @Test
    void boolSumCountsAndMaxMinAreAnyAll() {
        Backend b = backend();
        Tensor spikes = b.asTensor(new boolean[] {true, false, true, true, false, false}, 2, 3);
        assertEquals(DType.INT32, b.sum(spikes).dtype());
        assertEquals(3, b.sum(spikes).item(), "three spikes");
        assertArrayEquals(new int[] {2, 1}, b.sum(spikes, 1).toIntArray());
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, b.mean(spikes, 1).toDoubleArray(), 1e-15);
        assertEquals(DType.BOOL, b.max(spikes).dtype());
        assertArrayEquals(new boolean[] {true, true}, b.max(spikes, 1).toBooleanArray(), "any");
        assertArrayEquals(new boolean[] {false, false}, b.min(spikes, 1).toBooleanArray(), "all");
        assertArrayEquals(new boolean[] {true, false, true}, b.max(spikes, 0).toBooleanArray());
        assertArrayEquals(new boolean[] {true, false, false}, b.min(spikes, 0).toBooleanArray());
    }

    @Test
    void float32SumOfManyStaysAccurate() {
        // 100000 copies of 0.1f: the exact sum of the stored value, to float32 precision.
        int n = 100_000;
        float[] v = new float[n];
        java.util.Arrays.fill(v, 0.1f);
        double exact = n * (double) 0.1f;
        double got = backend().sum(backend().asTensor(v)).item();
        assertEquals(exact, got, exact * 1e-4, "float32 sum of " + n + " elements");
    }

    @Test
    void reductionsReadViews() {
        Backend b = backend();
        Tensor x = b.asTensor(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
        Tensor middle = b.slice(x, 1, 3);
        assertEquals(3 + 4 + 5 + 6, b.sum(middle).item());
        assertArrayEquals(new double[] {8, 10}, b.sum(middle, 0).toDoubleArray());
        assertArrayEquals(new double[] {4, 6}, b.max(b.reshape(middle, 2, 2), 1).toDoubleArray());
    }

    @Test
    void namedReductionsAreTheirPrimitives() {
        Backend b = backend();
        Tensor x = b.asTensor(new double[] {1, 5, -2, 4}, 2, 2);
        assertEquals(8, b.sum(x).item());
        assertEquals(2, b.mean(x).item());
        assertEquals(5, b.max(x).item());
        assertEquals(-2, b.min(x).item());
        assertArrayEquals(new double[] {-1, 9}, b.sum(x, 0).toDoubleArray());
        assertArrayEquals(new double[] {3, 1}, b.mean(x, 1).toDoubleArray());
        assertArrayEquals(new double[] {1, 5}, b.max(x, 0).toDoubleArray());
        assertArrayEquals(new double[] {1, -2}, b.min(x, -1).toDoubleArray());
    }
}
