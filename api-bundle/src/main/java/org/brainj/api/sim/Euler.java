package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.program.Assign;
import org.brainj.api.program.StepProgram;

/** Forward Euler, {@code x <- x + dt f(x)}: the method of Brian2's COBA benchmark. */
final class Euler {
    static final GroupIntegrator METHOD = (subexpressions, derivatives) -> {
        List<Assign> body = new ArrayList<>(subexpressions);
        derivatives.forEach((x, f) -> body.add(new Assign(x + "__euler", Exprs.add(Exprs.var(x), Exprs.mul(Exprs.var("dt"), f)))));
        derivatives.keySet().forEach(x -> body.add(new Assign(x, Exprs.var(x + "__euler"))));
        return new StepProgram(body, derivatives.keySet(), java.util.Set.of(), List.of());
    };

    private Euler() {
    }
}
