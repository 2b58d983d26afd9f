package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;

/**
 * A Poisson count with a fixed mean as an expression of one uniform number, by inverting the
 * CDF: {@code N} is the first {@code k} with {@code u < F(k)}, the table cut where the remaining
 * tail is below 1e-16 or no longer changes the sum (so the count is exact to double precision). It
 * lets a step program draw NEST's {@code poisson_generator} input for each neuron inside its
 * kernel with one Philox draw, whatever the mean, so every backend draws the same counts.
 *
 * <p>The counts around the mean, where nearly every draw falls, are summed without a branch:
 * in a window {@code [lo, hi]} the count is {@code lo + sum over lo <= k < hi of [u >= F(k)]}, and
 * each indicator is the clamp {@code min(max(m - g_k, 0), 1)} of {@code m = u 2^53} against the
 * whole number {@code g_k = ceil(F(k) 2^53) - 1}. That is exact because a program's uniforms are
 * multiples of 2^-53 (Philox's 53-bit ones, and float32's 24-bit ones): {@code m} is a whole number,
 * {@code u >= F(k)} exactly when {@code m > g_k}, and every difference is a whole number below 2^53.
 * A search of the table by bisection, one comparison per level, made about one mispredicted
 * branch per draw at small means, which cost more than the clamps (per draw with Philox's, at a
 * mean of 2: 25 ns instead of 35). Outside the window (at most {@link #TAIL} of the draws on each
 * side, unless the window is cut to {@link #MAX_WINDOW} counts) the bisection stays, nested
 * {@code where}s about {@code log2} of the table's length deep (8 at a mean of 100), shallow
 * enough for compilers at any mean up to 100.
 */
public final class PoissonCount {
    /** The most probability left outside the branch-free window on each side (tuned with PoissonDriveBenchmark). */
    static final double TAIL = 0.05;
    /**
     * The widest window, which means above about 6 reach: a clamp of a count further out costs
     * more than the mispredicted branches it saves (at a mean of 50, 8 counts: 42 ns per draw, 16: 46).
     */
    static final int MAX_WINDOW = 8;
    private static final double TWO_POW_53 = 0x1.0p53;

    private PoissonCount() {
    }

    /** The count with mean {@code lambda} from the uniform variable {@code uniform} (a program's uniform draw). */
    public static Expr of(double lambda, String uniform) {
        if (!(lambda >= 0) || lambda > 100) {
            throw new SimulationException("Poisson input: mean count per step " + lambda + " must be in [0, 100];"
                    + " use a smaller dt or split the input");
        }
        List<Double> cdf = new ArrayList<>();
        double p = Math.exp(-lambda);
        double f = p;
        for (int k = 0; 1 - f > 1e-16; k++) {
            cdf.add(f);
            p *= lambda / (k + 1);
            if (f + p == f) {
                // the tail left is below 1e-16 but rounding keeps the sum under 1 - 1e-16 (at a mean
                // of 0.1 or 10): entries that repeat the last would only make the search deeper
                break;
            }
            f += p;
        }
        Expr u = Exprs.var(uniform);
        int lo = 0;
        while (lo < cdf.size() && cdf.get(lo) <= TAIL) {
            lo++;
        }
        int hi = lo;
        while (hi < cdf.size() && 1 - cdf.get(hi) > TAIL) {
            hi++;
        }
        if (hi - lo > MAX_WINDOW) {
            // the widest window, centred on the mean, where the draws are densest
            lo = Math.max(lo, (int) lambda - MAX_WINDOW / 2);
            hi = Math.min(hi, lo + MAX_WINDOW);
        }
        // the count is in [lo, hi] when F(lo - 1) <= u < F(hi); hi = size means F(hi) = 1
        Expr window = windowSum(Exprs.mul(u, Exprs.num(TWO_POW_53)), cdf, lo, hi);
        if (lo > 0) {
            window = new Expr.Where(below(u, cdf.get(lo - 1)), firstAbove(u, cdf, 0, lo - 1), window);
        }
        return hi == cdf.size() ? window
                : new Expr.Where(below(u, cdf.get(hi)), window, firstAbove(u, cdf, hi + 1, cdf.size()));
    }

    /** {@code lo} plus the indicators {@code [u >= F(k)]} for {@code lo <= k < hi}, each a clamp of whole numbers. */
    private static Expr windowSum(Expr m, List<Double> cdf, int lo, int hi) {
        Expr sum = Exprs.num(lo);
        for (int k = lo; k < hi; k++) {
            Expr difference = Exprs.sub(m, Exprs.num(Math.ceil(cdf.get(k) * TWO_POW_53) - 1));
            Expr clamped = new Expr.Call(Expr.Fn.MIN, List.of(
                    new Expr.Call(Expr.Fn.MAX, List.of(difference, Exprs.num(0))), Exprs.num(1)));
            sum = Exprs.add(sum, clamped);
        }
        return sum;
    }

    /** The first {@code k} in {@code [lo, hi]} with {@code u < F(k)}, knowing it is there ({@code F(hi) > u}). */
    private static Expr firstAbove(Expr u, List<Double> cdf, int lo, int hi) {
        if (lo == hi) {
            return Exprs.num(lo);
        }
        int mid = (lo + hi) >>> 1;
        return new Expr.Where(below(u, cdf.get(mid)), firstAbove(u, cdf, lo, mid), firstAbove(u, cdf, mid + 1, hi));
    }

    private static Expr below(Expr u, double f) {
        return new Expr.Cmp(Expr.CmpOp.LT, u, Exprs.num(f));
    }
}
