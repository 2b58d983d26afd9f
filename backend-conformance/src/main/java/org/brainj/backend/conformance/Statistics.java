package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

/**
 * Distribution checks at fixed seeds: moments within five standard errors of their closed forms,
 * and chi-square statistics below their 0.999 quantile.
 */
final class Statistics {
    /** The standard normal quantile at 0.999. */
    private static final double Z_999 = 3.090232306167813;

    private Statistics() {
    }

    /** Sample mean and variance against {@code mean} and {@code variance}; {@code mu4} sizes the variance's error. */
    static void assertMoments(double[] x, double mean, double variance, double mu4) {
        int n = x.length;
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= n;
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        double s2 = ss / (n - 1);
        double seMean = Math.sqrt(variance / n);
        double seVar = Math.sqrt((mu4 - variance * variance) / n);
        assertTrue(Math.abs(m - mean) < 5 * seMean,
                "sample mean " + m + " is more than 5 standard errors (" + seMean + ") from " + mean);
        assertTrue(Math.abs(s2 - variance) < 5 * seVar,
                "sample variance " + s2 + " is more than 5 standard errors (" + seVar + ") from " + variance);
    }

    /** Counts in the bands of whole standard deviations against the normal cdf. */
    static void assertNormalTails(double[] x, double mean, double std) {
        // Standard normal table: Phi(-2) = 0.0227501319481792, Phi(-1) = 0.1586552539314571.
        double p2 = 0.0227501319481792;
        double p1 = 0.1586552539314571 - p2;
        double p0 = 0.5 - p1 - p2;
        double[] probabilities = {p2, p1, p0, p0, p1, p2};
        long[] counts = new long[6];
        for (double v : x) {
            double z = (v - mean) / std;
            int band = z < -2 ? 0 : z < -1 ? 1 : z < 0 ? 2 : z < 1 ? 3 : z < 2 ? 4 : 5;
            counts[band]++;
        }
        assertChiSquare(counts, probabilities);
    }

    /** Pearson's chi-square of {@code observed} counts against category {@code probabilities}. */
    static void assertChiSquare(long[] observed, double[] probabilities) {
        long n = 0;
        for (long o : observed) {
            n += o;
        }
        double chi2 = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = n * probabilities[i];
            chi2 += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        int df = observed.length - 1;
        double critical = chiSquareQuantile999(df);
        assertTrue(chi2 < critical, "chi-square " + chi2 + " with " + df + " degrees of freedom exceeds its 0.999 quantile "
                + critical + "; observed " + java.util.Arrays.toString(observed));
    }

    /** Wilson and Hilferty's (1931) cube-root approximation of the chi-square quantile. */
    static double chiSquareQuantile999(int df) {
        double a = 2.0 / (9 * df);
        return df * Math.pow(1 - a + Z_999 * Math.sqrt(a), 3);
    }

    /** Counts against the Poisson pmf e^-lambda lambda^k / k!, tails merged so each bin expects at least 5. */
    static void assertPoisson(int[] x, double lambda) {
        int n = x.length;
        int top = (int) (lambda + 20 * Math.sqrt(lambda) + 20);
        double[] pmf = new double[top + 1];
        pmf[0] = Math.exp(-lambda);
        for (int k = 1; k <= top; k++) {
            pmf[k] = pmf[k - 1] * lambda / k;
        }
        int[] binOf = new int[top + 1];
        List<Double> binProbability = new ArrayList<>();
        double open = 0;
        double closed = 0;
        for (int k = 0; k <= top; k++) {
            binOf[k] = binProbability.size();
            open += pmf[k];
            if (n * open >= 5 && n * (1 - closed - open) >= 5) {
                binProbability.add(open);
                closed += open;
                open = 0;
            }
        }
        binProbability.add(1 - closed);
        int last = binProbability.size() - 1;
        long[] counts = new long[binProbability.size()];
        double mean = 0;
        for (int v : x) {
            assertTrue(v >= 0, "negative Poisson count " + v);
            counts[v > top ? last : Math.min(binOf[v], last)]++;
            mean += v;
        }
        mean /= n;
        double se = Math.sqrt(lambda / n);
        assertTrue(Math.abs(mean - lambda) < 5 * se, "Poisson mean " + mean + " is more than 5 standard errors from " + lambda);
        assertChiSquare(counts, binProbability.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
