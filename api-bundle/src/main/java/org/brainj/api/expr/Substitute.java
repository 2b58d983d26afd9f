package org.brainj.api.expr;

import java.util.Map;

/**
 * Replaces variables by expressions, all at once: a replacement is not itself searched for
 * further variables, so {@code x -> x + h*k1} is safe.
 */
public final class Substitute {
    private Substitute() {
    }

    public static Expr of(Expr e, Map<String, ? extends Expr> replacements) {
        if (replacements.isEmpty()) {
            return e;
        }
        if (e instanceof Expr.Var v) {
            Expr r = replacements.get(v.name());
            return r == null ? e : r;
        }
        return Exprs.mapChildren(e, c -> of(c, replacements));
    }

    /** Replaces the one variable {@code name} by {@code replacement}. */
    public static Expr of(Expr e, String name, Expr replacement) {
        return of(e, Map.of(name, replacement));
    }
}
