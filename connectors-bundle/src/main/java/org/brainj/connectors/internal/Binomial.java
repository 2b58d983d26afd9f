package org.brainj.connectors.internal;

import java.util.SplittableRandom;

/**
 * Exact Binomial(n, p) draws in O(1) expected time: inversion by sequential search when {@code
 * n min(p, 1-p) < 10}, else Hormann's BTRS, the transformed rejection with squeeze of "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46 (1993) 101-110.
 */
public final class Binomial {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double[] SMALL_LOG_FACTORIALS = new double[16];

    static {
        for (int k = 1; k < SMALL_LOG_FACTORIALS.length; k++) {
            SMALL_LOG_FACTORIALS[k] = SMALL_LOG_FACTORIALS[k - 1] + Math.log(k);
        }
    }

    private Binomial() {
    }

    public static long draw(SplittableRandom rng, long n, double p) {
        if (n == 0 || p == 0) {
            return 0;
        }
        if (p == 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(rng, n, 1 - p);
        }
        return n * p < 10 ? inversion(rng, n, p) : btrs(rng, n, p);
    }

    private static long inversion(SplittableRandom rng, long n, double p) {
        double q = 1 - p;
        double s = p / q;
        double a = (n + 1) * s;
        double r0 = Math.exp(n * Math.log1p(-p));
        while (true) {
            double r = r0;
            double u = rng.nextDouble();
            long k = 0;
            while (u > r) {
                u -= r;
                k++;
                if (k > n) {
                    break; // rounding left u above the total mass: draw again
                }
                r *= a / k - s;
            }
            if (k <= n) {
                return k;
            }
        }
    }

    private static long btrs(SplittableRandom rng, long n, double p) {
        double q = 1 - p;
        double spq = Math.sqrt(n * p * q);
        double b = 1.15 + 2.53 * spq;
        double a = -0.0873 + 0.0248 * b + 0.01 * p;
        double c = n * p + 0.5;
        double vr = 0.92 - 4.2 / b;
        double alpha = (2.83 + 5.1 / b) * spq;
        double lpq = Math.log(p / q);
        long m = (long) Math.floor((n + 1) * p);
        double h = logFactorial(m) + logFactorial(n - m);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + c);
            if (k < 0 || k > n) {
                continue;
            }
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            v = Math.log(v * alpha / (a / (us * us) + b));
            if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) {
                return k;
            }
        }
    }

    /** log k!: exact below 16, else Stirling's series to the 1/k^5 term (error below 1e-11). */
    static double logFactorial(long k) {
        if (k < SMALL_LOG_FACTORIALS.length) {
            return SMALL_LOG_FACTORIALS[(int) k];
        }
        double x = k + 1.0;
        double x2 = x * x;
        return (k + 0.5) * Math.log(x) - x + HALF_LOG_2PI + (1.0 / 12 - (1.0 / 360 - 1.0 / (1260 * x2)) / x2) / x;
    }
}
