package org.brainj.connectors.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.discrete.BinomialDistribution;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinomialTest {
    /** Both branches (inversion below n p = 10, BTRS above) and the p > 1/2 reflection vs Hipparchus' pmf. */
    @ParameterizedTest
    @CsvSource({"20, 0.3", "1000, 0.004", "600, 0.1", "100000, 0.01", "50, 0.8", "7, 0.5"})
    void drawsFollowTheBinomialPmf(int n, double p) {
        SplittableRandom rng = new SplittableRandom(n * 31L + (long) (p * 1000));
        int draws = 200_000;
        long[] counts = new long[n + 1];
        for (int t = 0; t < draws; t++) {
            counts[(int) Binomial.draw(rng, n, p)]++;
        }
        BinomialDistribution ref = new BinomialDistribution(n, p);
        double stat = 0;
        int bins = 0;
        double expAcc = 0;
        long obsAcc = 0;
        for (int k = 0; k <= n; k++) {
            expAcc += draws * ref.probability(k);
            obsAcc += counts[k];
            if (expAcc >= 5 && draws * (1 - ref.cumulativeProbability(k)) >= 5 || k == n) {
                stat += (obsAcc - expAcc) * (obsAcc - expAcc) / Math.max(expAcc, 1e-300);
                bins++;
                expAcc = 0;
                obsAcc = 0;
            }
        }
        double critical = new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(0.999);
        assertTrue(stat < critical, "Binomial(" + n + ", " + p + "): chi-square " + stat + " >= " + critical);
    }

    @Test
    void logFactorialMatchesLogGamma() {
        for (long k : new long[] {0, 1, 5, 15, 16, 17, 100, 12345, 99_999_999L}) {
            assertEquals(Gamma.logGamma(k + 1.0), Binomial.logFactorial(k), 1e-10 * Math.max(1, Gamma.logGamma(k + 1.0)));
        }
    }
}
