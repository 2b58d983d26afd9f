package org.brainj.connectors.internal;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SamplingTest {
    private static void assertUniform(long[] counts, String what) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double expected = (double) total / counts.length;
        double stat = 0;
        for (long c : counts) {
            stat += (c - expected) * (c - expected) / expected;
        }
        double critical = new ChiSquaredDistribution(counts.length - 1).inverseCumulativeProbability(0.999);
        assertTrue(stat < critical, what + ": chi-square " + stat + " >= " + critical);
    }

    /**
     * A uniform k-subset includes each candidate with probability k / pool: inclusion counts over
     * many draws are uniform (chi-square); each draw is sorted, distinct and skips the excluded
     * index. The cases cover Floyd (k below pool/256), the bitset, and the bitset's complement.
     */
    @ParameterizedTest
    @CsvSource({"3, 1000, -1", "3, 1000, 500", "40, 300, 7", "250, 300, -1", "299, 300, 0"})
    void distinctDrawsAreUniformSubsets(int k, int n, int excluded) {
        SplittableRandom rng = new SplittableRandom(k * 1000L + n);
        long[] hits = new long[n];
        int[] out = new int[k + 2];
        for (int t = 0; t < 20_000; t++) {
            Sampling.draw(rng, n, k, excluded, false, out, 1);
            for (int s = 1; s <= k; s++) {
                assertTrue(s == 1 || out[s - 1] < out[s], "not sorted and distinct");
                assertNotEquals(excluded, out[s]);
                hits[out[s]]++;
            }
        }
        if (excluded >= 0) {
            long[] rest = new long[n - 1];
            for (int j = 0, w = 0; j < n; j++) {
                if (j != excluded) {
                    rest[w++] = hits[j];
                }
            }
            hits = rest;
        }
        assertUniform(hits, k + " of " + n);
    }

    /** Lemire's bounded ints are uniform, also for a bound where a quarter of the raw draws is rejected. */
    @ParameterizedTest
    @CsvSource({"10, 10", "1000, 8", "1610612736, 16"}) // buckets of equal width: the count divides the bound
    void boundedIntsAreUniform(int bound, int bucketCount) {
        SplittableRandom rng = new SplittableRandom(bound);
        long[] buckets = new long[bucketCount];
        for (int t = 0; t < 400_000; t++) {
            int r = Rng.below(rng, bound);
            assertTrue(r >= 0 && r < bound);
            buckets[(int) ((long) r * buckets.length / bound)]++;
        }
        assertUniform(buckets, "below(" + bound + ")");
    }
}
