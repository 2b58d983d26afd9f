package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;

/**
 * A Poisson count with a fixed mean as an expression of one uniform number, by inverting the
 * CDF: {@code N} is the first {@code k} with {@code u < F(k)}, the table cut where the remaining
 * tail is below 1e-16 (so the count is exact to double precision), found by bisection written as
 * nested {@code where}s. It lets a step program draw NEST's {@code poisson_generator} input for
 * each neuron inside its kernel with one Philox draw, whatever the mean, so every backend draws
 * the same counts. A backend that branches makes about {@code log2} of the table's length in
 * comparisons (5 at a mean of 2, 8 at 100), where summing the indicators {@code [u >= F(k)]}
 * made every element pay for the whole table; the nesting stays that shallow, so compilers
 * take any mean up to 100.
 */
public final class PoissonCount {
    private PoissonCount() {
    }

    /** The count with mean {@code lambda} from the uniform variable {@code uniform}. */
    public static Expr of(double lambda, String uniform) {
        if (!(lambda >= 0) || lambda > 100) {
            throw new SimulationException("Poisson input: mean count per step " + lambda + " must be in [0, 100];"
                    + " use a smaller dt or split the input");
        }
        List<Double> cdf = new ArrayList<>();
        double p = Math.exp(-lambda);
        double f = p;
        for (int k = 0; 1 - f > 1e-16 && k < 1000; k++) {
            cdf.add(f);
            p *= lambda / (k + 1);
            f += p;
        }
        return firstAbove(Exprs.var(uniform), cdf, 0, cdf.size());
    }

    /** The first {@code k} in {@code [lo, hi]} with {@code u < F(k)}, knowing it is there ({@code F(K) = 1}). */
    private static Expr firstAbove(Expr u, List<Double> cdf, int lo, int hi) {
        if (lo == hi) {
            return Exprs.num(lo);
        }
        int mid = (lo + hi) >>> 1;
        return new Expr.Where(new Expr.Cmp(Expr.CmpOp.LT, u, Exprs.num(cdf.get(mid))),
                firstAbove(u, cdf, lo, mid), firstAbove(u, cdf, mid + 1, hi));
    }
}
