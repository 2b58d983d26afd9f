package org.brainj.launcher;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test (Hipparchus's is in hipparchus-stat, which the build
 * does not have): the statistic {@code D = sup |F1(x) - F2(x)|} over the two empirical
 * distribution functions, and its asymptotic p-value {@code Q(sqrt(n m / (n + m)) D)} with
 * Kolmogorov's distribution {@code Q(l) = 2 sum_k (-1)^(k-1) exp(-2 k^2 l^2)}, SciPy's
 * {@code scipy.special.kolmogorov}. For small {@code l} the equivalent Jacobi form
 * {@code 1 - sqrt(2 pi)/l sum_k exp(-(2k-1)^2 pi^2 / (8 l^2))} converges faster.
 */
public final class KolmogorovSmirnov {
    private KolmogorovSmirnov() {
    }

    /** {@code D} of samples {@code x} and {@code y}; ties move both functions at once. */
    public static double statistic(double[] x, double[] y) {
        double[] a = x.clone();
        double[] b = y.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }

    /** The asymptotic two-sided p-value of {@code x} and {@code y} coming from one distribution. */
    public static double pValue(double[] x, double[] y) {
        double n = (double) x.length * y.length / (x.length + y.length);
        return kolmogorov(Math.sqrt(n) * statistic(x, y));
    }

    /** {@code Q(l) = P(K > l)} of Kolmogorov's distribution. */
    public static double kolmogorov(double l) {
        if (l <= 0) {
            return 1;
        }
        double sum = 0;
        if (l < 1.18) {
            for (int k = 1; k <= 20; k++) {
                double odd = 2 * k - 1;
                sum += Math.exp(-odd * odd * Math.PI * Math.PI / (8 * l * l));
            }
            return 1 - Math.sqrt(2 * Math.PI) / l * sum;
        }
        for (int k = 1; k <= 100; k++) {
            sum += (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * l * l);
        }
        return 2 * sum;
    }
}
