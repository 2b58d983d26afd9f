package org.brainj.api.sim;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.Exprs;

/**
 * Conditions the runtime adds to a group's step. Step program locals are numbers, so a
 * condition computed once (not refractory, spiked) is held as a 0/1 flag and read back with
 * {@link #isSet}.
 */
final class Flags {
    private Flags() {
    }

    /** A local value of 1 where {@code condition} holds, else 0. */
    static Expr flag(Expr condition) {
        return new Where(condition, Exprs.num(1), Exprs.num(0));
    }

    static Expr isSet(String flag) {
        return new Cmp(CmpOp.GT, Exprs.var(flag), Exprs.num(0.5));
    }
}
