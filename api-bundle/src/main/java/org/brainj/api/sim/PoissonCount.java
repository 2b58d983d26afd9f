package org.brainj.api.sim;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;

/**
 * A Poisson count with a fixed mean as an expression of one uniform number, by inverting the
 * CDF: {@code N = sum_k [u >= F(k)]} over {@code k = 0, 1, ...}, cut where the remaining tail
 * is below 1e-16 (so the count is exact to double precision). It lets a step program draw
 * NEST's {@code poisson_generator} input for each neuron inside its kernel.
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
        Expr count = Exprs.num(0);
        double p = Math.exp(-lambda);
        double cdf = p;
        for (int k = 0; 1 - cdf > 1e-16 && k < 1000; k++) {
            count = Exprs.add(count, new Expr.Cmp(Expr.CmpOp.GE, Exprs.var(uniform), Exprs.num(cdf)));
            p *= lambda / (k + 1);
            cdf += p;
        }
        return count;
    }
}
