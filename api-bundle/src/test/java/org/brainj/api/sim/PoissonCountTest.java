package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonCountTest {
    private static final int DRAWS = 200_000;

    /**
     * Counts from Philox uniforms against the Poisson pmf, computed here in log space
     * ({@code k ln(lambda) - lambda - ln k!}), independently of the CDF table the expression holds:
     * mean and variance within five standard errors, and a chi-square over the bins with at least
     * five expected counts (the tails lumped) below its 0.999 quantile.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.1, 0.5, 2, 9.9, 10, 12, 50, 100})
    void countsFollowThePoissonDistribution(double lambda) {
        Expr count = PoissonCount.of(lambda, "u");
        RandomKey key = new RandomKey(7, 3, 11);
        int max = (int) (lambda + 20 * Math.sqrt(lambda) + 20);
        long[] observed = new long[max + 1];
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < DRAWS; i++) {
            double u = Philox.uniform(key, i);
            double n = Interpreter.eval(count, Map.of("u", u));
            assertEquals(Math.rint(n), n, "a whole count");
            observed[(int) n]++;
            sum += n;
            sumSq += n * n;
        }
        double mean = sum / DRAWS;
        double variance = sumSq / DRAWS - mean * mean;
        assertEquals(lambda, mean, 5 * Math.sqrt(lambda / DRAWS), "mean at lambda " + lambda);
        // the variance of the sample variance of a Poisson is about (2 lambda^2 + lambda) / n
        assertEquals(lambda, variance, 5 * Math.sqrt((2 * lambda * lambda + lambda) / DRAWS), "variance at lambda " + lambda);

        double chi2 = 0;
        int bins = 0;
        double closedExpected = 0;
        long closedObserved = 0;
        double expectedBin = 0;
        long observedBin = 0;
        double logFactorial = 0;
        for (int k = 0; k <= max; k++) {
            if (k > 0) {
                logFactorial += Math.log(k);
            }
            expectedBin += DRAWS * Math.exp(k * Math.log(lambda) - lambda - logFactorial);
            observedBin += observed[k];
            if (expectedBin >= 5 && DRAWS - closedExpected - expectedBin >= 5) {
                chi2 += square(observedBin - expectedBin) / expectedBin;
                bins++;
                closedExpected += expectedBin;
                closedObserved += observedBin;
                expectedBin = 0;
                observedBin = 0;
            }
        }
        // the last bin takes the whole upper tail
        chi2 += square((DRAWS - closedObserved) - (DRAWS - closedExpected)) / (DRAWS - closedExpected);
        bins++;
        int df = bins - 1;
        double z = 3.09; // the 0.999 quantile of the standard normal
        double critical = df * Math.pow(1 - 2.0 / (9 * df) + z * Math.sqrt(2.0 / (9 * df)), 3); // Wilson-Hilferty
        assertTrue(df >= 1 && chi2 < critical, "chi-square " + chi2 + " over " + df + " degrees of freedom at lambda "
                + lambda + " (critical " + critical + ")");
    }

    /**
     * The count is the first {@code k} with {@code u < F(k)}, found here by walking the pmf (the
     * sum counting as 1 once it is within 1e-16 of 1 or stops growing), for Philox uniforms of both
     * widths and for the uniforms on either side of every {@code F(k)}, where the branch-free
     * window and the searches around it meet: the counts the plain search of the table gave.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0, 0.02, 0.1, 0.5, 2, 9.9, 10, 12, 50, 100})
    void countIsTheFirstCdfValueAboveTheUniform(double lambda) {
        Expr count = PoissonCount.of(lambda, "u");
        List<Double> uniforms = new ArrayList<>(List.of(0.0, 1 - 0x1.0p-53, 1 - 0x1.0p-24));
        RandomKey key = new RandomKey(5, 2, 8);
        for (int i = 0; i < 20_000; i++) {
            uniforms.add(Philox.uniform(key, i));
            uniforms.add((double) Philox.uniformFloat(key, i));
        }
        double p = Math.exp(-lambda);
        double f = p;
        for (int k = 0; k < 300; k++) {
            for (double grid : new double[] {0x1.0p-53, 0x1.0p-24}) {
                double below = Math.floor(f / grid) * grid;
                uniforms.addAll(List.of(below, Math.min(below + grid, 1 - grid), Math.max(0, below - grid)));
            }
            p *= lambda / (k + 1);
            f += p;
        }
        for (double u : uniforms) {
            assertEquals(firstAbove(u, lambda), Interpreter.eval(count, Map.of("u", u)),
                    "u = " + u + " at lambda " + lambda);
        }
    }

    private static int firstAbove(double u, double lambda) {
        double p = Math.exp(-lambda);
        double f = p;
        for (int k = 0; ; k++) {
            if (u < f || 1 - f <= 1e-16) {
                return k;
            }
            p *= lambda / (k + 1);
            if (f + p == f) {
                return k + 1;
            }
            f += p;
        }
    }

    @Test
    void aMeanOutsideTheTableIsRefusedWithTheFix() {
        SimulationException e = assertThrows(SimulationException.class, () -> PoissonCount.of(150, "u"));
        assertTrue(e.getMessage().contains("150") && e.getMessage().contains("smaller dt"), e.getMessage());
    }

    private static double square(double x) {
        return x * x;
    }
}
