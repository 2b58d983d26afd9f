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
import org.brainj.api.program.Propagator;

/**
 * {@link Arithmetic} on expressions: a scheme run in it writes the body of a step program.
 * {@link #let} appends a temporary assignment (names made unique against the program's own
 * names); constants and variables are used as they are. Only exact identities are simplified
 * ({@code x*1}, {@code x+0}), so the program computes what the stand-alone integrator computes.
 */
final class Symbols implements Arithmetic<Expr> {
    private final List<Assign> body = new ArrayList<>();
    private final List<Propagator> propagators = new ArrayList<>();
    private final Set<String> taken;

    Symbols(Set<String> reserved) {
        this.taken = new HashSet<>(reserved);
    }

    List<Assign> body() {
        return List.copyOf(body);
    }

    /** The propagators {@link #affineFlow} wrote: their entries are parameters the body reads. */
    List<Propagator> propagators() {
        return List.copyOf(propagators);
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
    /** {@link Numbers#phi1}'s expression: the series by Horner's rule for small {@code |z|}, else {@code (exp(z) - 1) / z}. */
    public Expr phi1(Expr z) {
        Expr x = let("z", z);
        double[] c = Numbers.PHI1_SERIES;
        Expr series = constant(c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) {
            series = new Expr.Bin(BinOp.ADD, constant(c[k]), new Expr.Bin(BinOp.MUL, x, series));
        }
        Expr small = new Expr.Cmp(Expr.CmpOp.LT, new Expr.Call(Fn.ABS, List.of(x)), constant(Numbers.PHI1_SERIES_BELOW));
        return new Expr.Where(small, series, divide(subtract(new Expr.Call(Fn.EXP, List.of(x)), constant(1)), x));
    }

    /**
     * Reads both matrices as parameters {@code P_<xi>_<xj>} (the flow) and {@code Q_<xi>_<xj>}
     * (the input), recorded in a {@link Propagator} for the runtime to compute once per run; only
     * entries that can be nonzero are read (a path from {@code xj} to {@code xi} in {@code A}) and
     * only for nonzero {@code b_j}, so the element's work is those multiply-adds.
     */
    @Override
    public List<Expr> affineFlow(List<String> variables, VectorField.Affine<Expr> system, List<Expr> x, Expr dt) {
        int n = x.size();
        boolean[][] reach = system.reachable();
        List<Expr> b = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
            Expr bj = system.b().get(j);
            b.add(Exprs.isConst(bj, 0) ? null : let(variables.get(j) + "_b", bj));
        }
        List<Propagator.Entry> entries = new ArrayList<>();
        List<Expr> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Expr v = constant(0);
            for (int j = 0; j < n; j++) {
                if (reach[i][j]) {
                    String p = fresh("P_" + variables.get(i) + "_" + variables.get(j));
                    entries.add(new Propagator.Entry(p, Propagator.Part.FLOW, i, j));
                    v = add(v, multiply(new Expr.Var(p), x.get(j)));
                }
            }
            for (int j = 0; j < n; j++) {
                if (reach[i][j] && b.get(j) != null) {
                    String q = fresh("Q_" + variables.get(i) + "_" + variables.get(j));
                    entries.add(new Propagator.Entry(q, Propagator.Part.INPUT, i, j));
                    v = add(v, multiply(new Expr.Var(q), b.get(j)));
                }
            }
            out.add(v);
        }
        List<List<Expr>> a = system.a().stream()
                .map(row -> row.stream().map(aij -> aij == null ? constant(0) : aij).toList()).toList();
        propagators.add(new Propagator(variables, a, entries));
        return out;
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
