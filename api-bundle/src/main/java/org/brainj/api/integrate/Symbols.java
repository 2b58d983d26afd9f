package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Exprs;
import org.brainj.api.program.Assign;

/**
 * {@link Arithmetic} on expressions: a scheme run in it writes the body of a step program.
 * {@link #let} appends a temporary assignment (names made unique against the program's own
 * names); constants and variables are used as they are. Only exact identities are simplified
 * ({@code x*1}, {@code x+0}), so the program computes what the stand-alone integrator computes.
 */
final class Symbols implements Arithmetic<Expr> {
    private final List<Assign> body = new ArrayList<>();
    private final Set<String> taken;

    Symbols(Set<String> reserved) {
        this.taken = new HashSet<>(reserved);
    }

    List<Assign> body() {
        return List.copyOf(body);
    }

    /** A fresh name for {@code hint}: itself when free, else with a numeric suffix. */
    String fresh(String hint) {
        String name = hint;
        for (int k = 2; taken.contains(name); k++) {
            name = hint + "_" + k;
        }
        taken.add(name);
        return name;
    }

    void assign(String target, Expr value) {
        body.add(new Assign(target, value));
    }

    @Override
    public Expr constant(double value) {
        return new Expr.Const(value);
    }

    @Override
    public Expr add(Expr a, Expr b) {
        if (Exprs.isConst(b, 0)) {
            return a;
        }
        return Exprs.isConst(a, 0) ? b : new Expr.Bin(BinOp.ADD, a, b);
    }

    @Override
    public Expr subtract(Expr a, Expr b) {
        return Exprs.isConst(b, 0) ? a : new Expr.Bin(BinOp.SUB, a, b);
    }

    @Override
    public Expr multiply(Expr a, Expr b) {
        if (Exprs.isConst(a, 1)) {
            return b;
        }
        return Exprs.isConst(b, 1) ? a : new Expr.Bin(BinOp.MUL, a, b);
    }

    @Override
    public Expr divide(Expr a, Expr b) {
        return Exprs.isConst(b, 1) ? a : new Expr.Bin(BinOp.DIV, a, b);
    }

    @Override
    public Expr sqrt(Expr a) {
        return new Expr.Call(Fn.SQRT, List.of(a));
    }

    @Override
    public Expr phi1(Expr z) {
        Expr u = let("u", new Expr.Call(Fn.EXP, List.of(z)));
        Expr one = constant(1);
        return new Expr.Where(new Expr.Cmp(Expr.CmpOp.EQ, u, one), one,
                divide(subtract(u, one), new Expr.Call(Fn.LOG, List.of(u))));
    }

    @Override
    public Expr let(String name, Expr value) {
        if (value instanceof Expr.Const || value instanceof Expr.Var) {
            return value;
        }
        String fresh = fresh(name);
        body.add(new Assign(fresh, value));
        return new Expr.Var(fresh);
    }
}
