package org.brainj.api.sim;

import java.util.List;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;

/**
 * Rewrites a group step's division of a per-neuron value by a value the whole population shares
 * (constants, parameters held as one number, {@code t}, {@code dt}) as multiplication by its
 * reciprocal: {@code x / taum} becomes {@code x * (1 / taum)}. The reciprocal does not depend on
 * the neuron, so a backend computes it once per step, and each neuron multiplies instead of
 * dividing (a division costs several multiplications, and every neuron of a model divides by its
 * time constants). The product can differ from the quotient in the last bit, as with Brian2's
 * loop-invariant optimisation; every backend runs the rewritten program, so they still agree
 * bit for bit.
 */
final class InvariantDivision {
    private final Set<String> shared;

    private InvariantDivision(Set<String> shared) {
        this.shared = shared;
    }

    /** @param shared the parameters held as one number for the whole population */
    static List<Assign> of(List<Assign> body, Set<String> shared) {
        InvariantDivision d = new InvariantDivision(shared);
        return body.stream().map(a -> new Assign(a.target(), d.rewrite(a.value()))).toList();
    }

    private Expr rewrite(Expr e) {
        Expr r = Exprs.mapChildren(e, this::rewrite);
        if (r instanceof Bin b && b.op() == BinOp.DIV && isShared(b.right()) && !isShared(b.left())) {
            return new Bin(BinOp.MUL, b.left(), new Bin(BinOp.DIV, Exprs.num(1), b.right()));
        }
        return r;
    }

    private boolean isShared(Expr e) {
        return FreeVars.of(e).stream().allMatch(x -> shared.contains(x) || x.equals("t") || x.equals("dt"));
    }
}
