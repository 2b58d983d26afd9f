package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random draws: bit-equal to the {@link Philox} specification (and through it to the Random123
 * known-answer vectors), and with the right distributions by closed-form moments and
 * chi-square tests at fixed seeds.
 */
public abstract class RandomContract extends BackendContract {
    private static final RandomKey KEY = new RandomKey(0x5EED_1234_ABCDL, 3, 17);
    private static final int N = 200_000;

    // ---- the specification, bit for bit ------------------------------------------------------

    @Test
    void philoxBlockMatchesRandom123KnownAnswers() {
        // Random123 kat_vectors, philox4x32_10: counter, key -> output.
        assertBlock(new int[] {0, 0, 0, 0}, new int[] {0, 0},
                new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8});
        assertBlock(new int[] {-1, -1, -1, -1}, new int[] {-1, -1},
                new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd});
        assertBlock(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, new int[] {0xa4093822, 0x299f31d0},
                new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1});
    }

    private static void assertBlock(int[] counter, int[] key, int[] expected) {
        int[] out = new int[4];
        Philox.block(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out);
        assertArrayEquals(expected, out);
    }

    @Test
    void elementZeroOfKeyZeroIsTheKnownAnswerBlock() {
        // Seed 0, stream 0, counter 0, element 0, block 0 is counter (0,0,0,0) under key (0,0), whose
        // Random123 output is 6627e8d5 e169c58d bc57ac4c 9b00dbd8.
        long w0 = 0x6627e8d5L;
        long w1 = 0xe169c58dL;
        long w2 = 0xbc57ac4cL;
        long w3 = 0x9b00dbd8L;
        double u1 = ((w0 >>> 5) * (1L << 26) + (w1 >>> 6)) / 0x1.0p53;
        double u2 = ((w2 >>> 5) * (1L << 26) + (w3 >>> 6)) / 0x1.0p53;
        RandomKey zero = new RandomKey(0, 0, 0);
        Backend b = backend();
        assertEquals(u1, b.uniform(zero, DType.FLOAT64, 0, 1, 1).toDoubleArray()[0], 0, "float64 uniform: 53 bits");
        assertEquals((w0 >>> 8) / 0x1.0p24, b.uniform(zero, DType.FLOAT32, 0, 1, 1).toDoubleArray()[0], 0,
                "float32 uniform: the top 24 bits");
        double boxMuller = StrictMath.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
        assertEquals(boxMuller, b.normal(zero, DType.FLOAT64, 0, 1, 1).toDoubleArray()[0], 0, "Box-Muller");
        assertEquals(u1 < 0.5, b.bernoulli(zero, 0.5, 1).toBooleanArray()[0]);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void uniformIsThePhiloxSpecification(DType dtype) {
        Tensor out = backend().zeros(dtype, 40, 25);
        assertSame(out, backend().uniform(KEY, 0, 1, out));
        double[] got = out.toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            double spec = dtype == DType.FLOAT64 ? Philox.uniform(KEY, i) : Philox.uniformFloat(KEY, i);
            assertEquals(spec, got[i], 0, "element " + i);
        }
        double[] scaled = backend().uniform(KEY, dtype, -2, 3, 1000).toDoubleArray();
        for (int i = 0; i < scaled.length; i++) {
            double u = dtype == DType.FLOAT64 ? Philox.uniform(KEY, i) : Philox.uniformFloat(KEY, i);
            assertClose(-2 + 5 * u, scaled[i], dtype, "element " + i + " in [-2, 3)");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void normalIsThePhiloxSpecification(DType dtype) {
        double[] got = backend().normal(KEY, dtype, 0, 1, 1000).toDoubleArray();
        for (int i = 0; i < got.length; i++) {
            double spec = dtype == DType.FLOAT64 ? Philox.normal(KEY, i) : (float) Philox.normal(KEY, i);
            assertEquals(spec, got[i], 0, "element " + i);
        }
        double[] scaled = backend().normal(KEY, dtype, -65, 4, 1000).toDoubleArray();
        for (int i = 0; i < scaled.length; i++) {
            assertClose(-65 + 4 * Philox.normal(KEY, i), scaled[i], dtype, "element " + i);
        }
    }

    @Test
    void bernoulliIsThePhiloxSpecification() {
        Tensor out = backend().zeros(DType.BOOL, 1000);
        assertSame(out, backend().bernoulli(KEY, 0.3, out));
        boolean[] got = out.toBooleanArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(Philox.bernoulli(KEY, i, 0.3), got[i], "element " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.01, 0.5, 2, 3, 9.99, 10, 12.5, 20, 40, 100, 1000})
    void poissonIsThePhiloxSpecification(double lambda) {
        Tensor out = backend().zeros(DType.INT32, 500);
        assertSame(out, backend().poisson(KEY, lambda, out));
        int[] got = out.toIntArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(Philox.poisson(KEY, i, lambda), got[i], "element " + i + " at lambda " + lambda);
        }
    }

    @Test
    void drawsDependOnTheKeyAndTheElementOnly() {
        Backend b = backend();
        double[] flat = b.uniform(KEY, DType.FLOAT64, 0, 1, 12).toDoubleArray();
        assertArrayEquals(flat, b.uniform(KEY, DType.FLOAT64, 0, 1, 3, 4).toDoubleArray(), "the shape does not matter");
        assertArrayEquals(flat, b.uniform(KEY, DType.FLOAT64, 0, 1, 12).toDoubleArray(), "the same key, the same draws");
        RandomKey[] others = {KEY.next(), KEY.withStream(4), new RandomKey(KEY.seed() ^ (1L << 40), 3, 17)};
        for (RandomKey other : others) {
            double[] o = b.uniform(other, DType.FLOAT64, 0, 1, 12).toDoubleArray();
            for (int i = 0; i < o.length; i++) {
                assertTrue(o[i] != flat[i], other + " element " + i + " repeats " + KEY);
            }
        }
    }

    @Test
    void drawingIntoAViewNumbersElementsFromTheViewsStart() {
        Backend b = backend();
        Tensor parent = b.zeros(DType.FLOAT64, 5, 2);
        b.uniform(KEY, 0, 1, b.slice(parent, 2, 4));
        double[] got = parent.toDoubleArray();
        for (int i = 0; i < 10; i++) {
            double expected = i >= 4 && i < 8 ? Philox.uniform(KEY, i - 4) : 0;
            assertEquals(expected, got[i], 0, "element " + i + " of the parent");
        }
    }

    // ---- the distributions ---------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void uniformMomentsAndRange(DType dtype) {
        double low = -2;
        double high = 3;
        double[] x = backend().uniform(KEY, dtype, low, high, N).toDoubleArray();
        for (double v : x) {
            assertTrue(v >= low && v < high, v + " outside [-2, 3)");
        }
        // Uniform(a, b): mean (a+b)/2, variance (b-a)^2/12, fourth central moment (b-a)^4/80.
        double w = high - low;
        Statistics.assertMoments(x, (low + high) / 2, w * w / 12, Math.pow(w, 4) / 80);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void normalMoments(DType dtype) {
        double[] x = backend().normal(KEY, dtype, 1, 2, N).toDoubleArray();
        // Normal(mu, sigma): variance sigma^2, fourth central moment 3 sigma^4.
        Statistics.assertMoments(x, 1, 4, 3 * 16);
        Statistics.assertNormalTails(x, 1, 2);
    }

    @Test
    void bernoulliFrequencies() {
        double p = 0.3;
        boolean[] x = backend().bernoulli(KEY, p, N).toBooleanArray();
        long hits = 0;
        for (boolean v : x) {
            hits += v ? 1 : 0;
        }
        Statistics.assertChiSquare(new long[] {hits, N - hits}, new double[] {p, 1 - p});
        assertFalse(backend().bernoulli(KEY, 0, 100).toBooleanArray()[0]);
        for (boolean v : backend().bernoulli(KEY, 1, 100).toBooleanArray()) {
            assertTrue(v, "p = 1 is always true");
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, 4, 9.5, 10, 20, 120})
    void poissonFrequenciesFollowThePmf(double lambda) {
        int[] x = backend().poisson(KEY, lambda, N).toIntArray();
        Statistics.assertPoisson(x, lambda);
    }
}
