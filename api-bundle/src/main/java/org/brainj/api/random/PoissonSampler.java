package org.brainj.api.random;

import org.brainj.api.BrainJException;

/**
 * Poisson counts with one mean, keyed by Philox, as the specification every backend reproduces:
 * sequential inversion of the CDF on one uniform below a mean of 10, and Hörmann's transformed
 * rejection (PTRS, 1993) from 10 up. The constants that depend on the mean alone are computed
 * once here, so that a backend drawing many counts pays for {@code exp}, {@code log} and
 * {@code sqrt} once, and a device kernel receives them as {@link #constants()}.
 */
public final class PoissonSampler {
    /** The mean from which PTRS replaces inversion (whose walk takes about {@code lambda + 1} steps). */
    public static final double PTRS_THRESHOLD = 10;

    private final double lambda;
    private final double expMinusLambda;
    private final double slam;
    private final double loglam;
    private final double b;
    private final double a;
    private final double invalpha;
    private final double vr;

    /** A sampler for the mean {@code lambda}; a mean of 0 (or below) always draws 0. */
    public PoissonSampler(double lambda) {
        if (Double.isNaN(lambda) || Double.isInfinite(lambda)) {
            throw new BrainJException("poisson: mean " + lambda + " must be finite");
        }
        this.lambda = lambda;
        boolean inversion = lambda < PTRS_THRESHOLD;
        expMinusLambda = inversion ? StrictMath.exp(-lambda) : 0;
        slam = inversion ? 0 : Math.sqrt(lambda);
        loglam = inversion ? 0 : StrictMath.log(lambda);
        b = inversion ? 0 : 0.931 + 2.53 * slam;
        a = inversion ? 0 : -0.059 + 0.02483 * b;
        invalpha = inversion ? 0 : 1.1239 + 1.1328 / (b - 3.4);
        vr = inversion ? 0 : 0.9277 - 3.6224 / (b - 2);
    }

    /** Element {@code i}'s count under {@code key}; its uniforms come two per block, blocks 0, 1, 2, ... */
    public int draw(RandomKey key, int element) {
        if (lambda <= 0) {
            return 0;
        }
        return lambda < PTRS_THRESHOLD
                ? inversion(Philox.uniform(key, element), lambda, expMinusLambda)
                : ptrs(key, element);
    }

    /**
     * What a device kernel needs, in this order: lambda, e^-lambda (inversion), and PTRS's
     * sqrt(lambda), ln(lambda), b, a, 1/alpha, v_r (the ones the other method leaves 0).
     */
    public double[] constants() {
        return new double[] {lambda, expMinusLambda, slam, loglam, b, a, invalpha, vr};
    }

    /**
     * The first {@code k} with {@code u < F(k)}, walking the pmf up from {@code p(0) = e^-lambda}
     * by {@code p(k) = p(k-1) * (lambda / k)}: one uniform per count (Knuth's product needed
     * {@code lambda + 1}), about {@code lambda + 1} steps. Where {@code F} stops growing in double
     * precision the walk ends at that {@code k}, so it always stops.
     */
    static int inversion(double u, double lambda, double expMinusLambda) {
        double p = expMinusLambda;
        double f = p;
        int k = 0;
        boolean below = u >= f;
        while (below) {
            k++;
            p *= lambda / k;
            double next = f + p;
            below = u >= next && next != f;
            f = next;
        }
        return k;
    }

    /**
     * Each try takes the next two uniforms, which are one block's: try {@code t} reads block
     * {@code t}, U from words 0 and 1, V from 2 and 3 (no object per draw to keep the order).
     */
    private int ptrs(RandomKey key, int element) {
        int[] words = new int[4];
        for (int draw = 0; ; draw++) {
            Philox.block(key, element, draw, words);
            double uu = Philox.toUnit(words[0], words[1]) - 0.5;
            double v = Philox.toUnit(words[2], words[3]);
            double us = 0.5 - Math.abs(uu);
            long k = (long) Math.floor((2 * a / us + b) * uu + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return (int) k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (StrictMath.log(v) + StrictMath.log(invalpha) - StrictMath.log(a / (us * us) + b)
                    <= -lambda + k * loglam - logFactorial(k)) {
                return (int) k;
            }
        }
    }

    /** ln(k!) exactly summed for small k, by Stirling's series beyond (error below 1e-12). */
    static double logFactorial(long k) {
        if (k < 16) {
            double s = 0;
            for (int i = 2; i <= k; i++) {
                s += StrictMath.log(i);
            }
            return s;
        }
        double n = k + 1.0;
        double inv = 1 / n;
        double inv2 = inv * inv;
        return (n - 0.5) * StrictMath.log(n) - n + 0.5 * StrictMath.log(2 * Math.PI)
                + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
    }
}
