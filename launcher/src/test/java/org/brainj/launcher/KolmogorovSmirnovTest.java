package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Against SciPy 1.10.1 on this machine: {@code scipy.special.kolmogorov(l)}, and
 * {@code scipy.stats.ks_2samp(x, y, method='asymp').statistic} with
 * {@code kolmogorov(sqrt(n m/(n + m)) D)} for x = (0.37 k) mod 1, k < 100 and
 * y = (0.61 k + 0.05) mod 1 (or its square), k < 80.
 */
class KolmogorovSmirnovTest {
    @Test
    void kolmogorovsDistributionIsScipys() {
        double[][] cases = {{0.3, 0.9999906941986655}, {0.5, 0.9639452436648751}, {1.0, 0.26999967167735456},
            {1.36, 0.049485876755377876}, {1.63, 0.009846364888486529}, {2.5, 7.453306344157342e-06}};
        for (double[] c : cases) {
            assertEquals(c[1], KolmogorovSmirnov.kolmogorov(c[0]), 1e-12 * c[1],
                    "Q(" + c[0] + ")");
        }
    }

    @Test
    void twoSampleStatisticAndPValueAreScipys() {
        double[] x = new double[100];
        double[] y = new double[80];
        double[] y2 = new double[80];
        for (int k = 0; k < x.length; k++) {
            x[k] = (k * 0.37) % 1.0;
        }
        for (int k = 0; k < y.length; k++) {
            y[k] = (k * 0.61 + 0.05) % 1.0;
            y2[k] = y[k] * y[k];
        }
        assertEquals(0.020000000000000018, KolmogorovSmirnov.statistic(x, y), 1e-15);
        assertEquals(1.0, KolmogorovSmirnov.pValue(x, y), 1e-12);
        assertEquals(0.26, KolmogorovSmirnov.statistic(x, y2), 1e-15);
        assertEquals(0.004913632848113255, KolmogorovSmirnov.pValue(x, y2), 1e-14);
    }
}
