package org.brainj.api.expr;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/** The variables an expression reads, in order of first appearance. */
public final class FreeVars {
    private FreeVars() {
    }

    public static Set<String> of(Expr e) {
        Set<String> names = new LinkedHashSet<>();
        collect(e, names);
        return Collections.unmodifiableSet(names);
    }

    /** Whether {@code e} reads {@code name}. */
    public static boolean reads(Expr e, String name) {
        if (e instanceof Expr.Var v) {
            return v.name().equals(name);
        }
        return Exprs.children(e).stream().anyMatch(c -> reads(c, name));
    }

    private static void collect(Expr e, Set<String> names) {
        if (e instanceof Expr.Var v) {
            names.add(v.name());
        }
        Exprs.children(e).forEach(c -> collect(c, names));
    }
}
