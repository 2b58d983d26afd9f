package org.brainj.api.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.BrainJException;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.discrete.PoissonDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Philox4x32-10 against Random123's known answers, and the mapping to numbers against closed-form
 * moments and Hipparchus' distributions (chi-square below the 0.999 quantile at fixed seeds).
 */
class PhiloxTest {
    private static final RandomKey KEY = new RandomKey(20_111_115L, 7, 42);
    private static final int N = 200_000;

    // ---- the bijection ---------------------------------------------------------------------

    @Test
    void knownAnswerVectorsOfRandom123() {
        // Random123 kat_vectors, "philox4x32 10": counter words, key words -> output words.
        int[] out = new int[4];
        Philox.block(0, 0, 0, 0, 0, 0, out);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out);
        Philox.block(-1, -1, -1, -1, -1, -1, out);
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}, out);
        Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, out);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out);
    }

    @Test
    void keyWordsAreElementDrawCounterStreamUnderTheSeedsHalves() {
        // The pi vector of Random123 as a RandomKey: counter (element, draw, counter, stream),
        // key (seed low 32 bits, seed high 32 bits).
        RandomKey key = new RandomKey(0x299f31d0_a4093822L, 0x03707344, 0x13198a2eL);
        int[] out = new int[4];
        Philox.block(key, 0x243f6a88, 0x85a308d3, out);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out);
    }

    @Test
    void unitIntervalMappings() {
        assertEquals(0, Philox.toUnit(0, 0));
        // All 53 bits set: the largest double below 1.
        assertEquals(1 - 0x1.0p-53, Philox.toUnit(-1, -1));
        assertEquals(0.5, Philox.toUnit(0x8000_0000, 0));
        // Element 0 of seed 0 is the zero-vector block 6627e8d5 e169c58d ...
        RandomKey zero = new RandomKey(0, 0, 0);
        assertEquals(((0x6627e8d5L >>> 5) * (1L << 26) + (0xe169c58dL >>> 6)) / 0x1.0p53, Philox.uniform(zero, 0));
        assertEquals((0x6627e8d5L >>> 8) / 0x1.0p24, Philox.uniformFloat(zero, 0));
    }

    // ---- distributions ------------------------------------------------------------------------

    @Test
    void uniformDoubleMomentsAndBins() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Philox.uniform(KEY, i);
            assertTrue(x[i] >= 0 && x[i] < 1);
        }
        // U(0, 1): mean 1/2, variance 1/12, fourth central moment 1/80.
        assertMoments(x, 0.5, 1.0 / 12, 1.0 / 80);
        assertUniformBins(x);
    }

    @Test
    void uniformFloatMomentsAndBins() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            float u = Philox.uniformFloat(KEY, i);
            assertTrue(u >= 0f && u < 1f);
            x[i] = u;
        }
        assertMoments(x, 0.5, 1.0 / 12, 1.0 / 80);
        assertUniformBins(x);
    }

    @Test
    void normalMomentsAndEquiprobableBins() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Philox.normal(KEY, i);
        }
        // N(0, 1): variance 1, fourth central moment 3.
        assertMoments(x, 0, 1, 3);
        NormalDistribution normal = new NormalDistribution(0, 1);
        int bins = 20;
        double[] edges = new double[bins - 1];
        for (int b = 1; b < bins; b++) {
            edges[b - 1] = normal.inverseCumulativeProbability(b / (double) bins);
        }
        long[] counts = new long[bins];
        for (double v : x) {
            int b = 0;
            while (b < edges.length && v >= edges[b]) {
                b++;
            }
            counts[b]++;
        }
        double[] p = new double[bins];
        java.util.Arrays.fill(p, 1.0 / bins);
        assertChiSquare(counts, p);
    }

    @Test
    void bernoulliFrequency() {
        long hits = 0;
        for (int i = 0; i < N; i++) {
            hits += Philox.bernoulli(KEY, i, 0.15) ? 1 : 0;
        }
        assertChiSquare(new long[] {hits, N - hits}, new double[] {0.15, 0.85});
    }

    /**
     * Inversion below 10, PTRS from 10 up: both against Hipparchus' pmf (chi-square below the
     * 0.999 quantile over bins of at least five expected draws), mean and variance lambda.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05, 0.5, 2, 3, 9.9, 10, 15, 20, 50, 100, 300, 5000})
    void poissonAgainstThePmf(double lambda) {
        int[] x = new int[N];
        double[] asDouble = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Philox.poisson(KEY, i, lambda);
            asDouble[i] = x[i];
        }
        // Poisson(lambda): mean lambda, variance lambda, fourth central moment lambda (1 + 3 lambda).
        assertMoments(asDouble, lambda, lambda, lambda * (1 + 3 * lambda));
        PoissonDistribution reference = new PoissonDistribution(lambda);
        List<Double> probabilities = new ArrayList<>();
        List<Integer> upperEdges = new ArrayList<>();
        double open = 0;
        double closed = 0;
        int top = (int) (lambda + 12 * Math.sqrt(lambda) + 20);
        for (int k = 0; k <= top; k++) {
            open += reference.probability(k);
            if (N * open >= 5 && N * (1 - closed - open) >= 5) {
                probabilities.add(open);
                upperEdges.add(k);
                closed += open;
                open = 0;
            }
        }
        probabilities.add(1 - closed);
        long[] counts = new long[probabilities.size()];
        for (int v : x) {
            int b = 0;
            while (b < upperEdges.size() && v > upperEdges.get(b)) {
                b++;
            }
            counts[b]++;
        }
        assertChiSquare(counts, probabilities.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * Inversion is the quantile function: for any u, the count is the smallest k with
     * {@code F(k) > u}, F taken from Hipparchus (regularised incomplete gamma, not the pmf
     * recursion). The u grid avoids CDF values, where the two could round to different sides.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 2, 7.5, 9.99})
    void inversionIsThePoissonQuantile(double lambda) {
        PoissonDistribution reference = new PoissonDistribution(lambda);
        double expMinusLambda = StrictMath.exp(-lambda);
        for (int j = 0; j < 10_000; j++) {
            double u = (j + 0.5) / 10_000;
            int k = PoissonSampler.inversion(u, lambda, expMinusLambda);
            assertTrue(reference.cumulativeProbability(k) > u
                    && (k == 0 || reference.cumulativeProbability(k - 1) <= u), "u " + u + " gave " + k + " at lambda " + lambda);
        }
        // the largest uniform below 1 still ends the walk, where the tail left is below 1e-13
        // (the summed F carries a few ulps of rounding, so it is no finer than that)
        int top = PoissonSampler.inversion(Math.nextDown(1.0), lambda, expMinusLambda);
        assertTrue(1 - reference.cumulativeProbability(top - 1) < 1e-13, "top count " + top + " at lambda " + lambda);
    }

    @Test
    void poissonOfNoRateIsZero() {
        assertEquals(0, Philox.poisson(KEY, 3, 0));
        assertEquals(0, Philox.poisson(KEY, 3, -1));
    }

    @Test
    void logFactorialMatchesLogGamma() {
        for (long k : new long[] {0, 1, 2, 5, 15, 16, 17, 30, 100, 1000, 123_456, 10_000_000}) {
            // ln k! = ln Gamma(k + 1)
            double expected = Gamma.logGamma(k + 1.0);
            assertEquals(expected, PoissonSampler.logFactorial(k), 1e-12 * Math.max(1, Math.abs(expected)), "ln " + k + "!");
        }
    }

    @Test
    void keysValidateAndStep() {
        assertThrows(BrainJException.class, () -> new RandomKey(1, -1, 0));
        assertThrows(BrainJException.class, () -> new RandomKey(1, 0, -1));
        assertThrows(BrainJException.class, () -> new RandomKey(1, 0, 0x1_0000_0000L));
        RandomKey k = new RandomKey(5, 2, 0xFFFF_FFFEL);
        assertEquals(new RandomKey(5, 2, 0xFFFF_FFFFL), k.next());
        assertThrows(BrainJException.class, () -> k.next().next());
        assertEquals(new RandomKey(5, 9, 0xFFFF_FFFEL), k.withStream(9));
    }

    // ---- checks ------------------------------------------------------------------------------------

    /** Mean and variance within five standard errors; {@code mu4} is the fourth central moment. */
    private static void assertMoments(double[] x, double mean, double variance, double mu4) {
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double s2 = ss / (x.length - 1);
        double seMean = Math.sqrt(variance / x.length);
        double seVar = Math.sqrt((mu4 - variance * variance) / x.length);
        assertEquals(mean, m, 5 * seMean, "mean");
        assertEquals(variance, s2, 5 * seVar, "variance");
    }

    private static void assertUniformBins(double[] x) {
        int bins = 50;
        long[] counts = new long[bins];
        for (double v : x) {
            counts[(int) (v * bins)]++;
        }
        double[] p = new double[bins];
        java.util.Arrays.fill(p, 1.0 / bins);
        assertChiSquare(counts, p);
    }

    private static void assertChiSquare(long[] observed, double[] p) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double e = n * p[i];
            chi2 += (observed[i] - e) * (observed[i] - e) / e;
        }
        double critical = new ChiSquaredDistribution(observed.length - 1).inverseCumulativeProbability(0.999);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " above the 0.999 quantile " + critical
                + " of " + (observed.length - 1) + " degrees of freedom: " + java.util.Arrays.toString(observed));
    }
}
