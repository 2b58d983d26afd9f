package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.call;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;
import static org.brainj.api.expr.Exprs.var;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;

/**
 * Computes a group step's exponentials of affine functions of one per-neuron value with one
 * exponential per slope: {@code exp(s*v + b1)} is {@code exp(s*v + b0) * exp(b1 - b0)} and
 * {@code exp(-s*v + b1)} is {@code exp(b1 + b0) / exp(s*v + b0)}, where {@code exp(b1 - b0)} and
 * {@code exp(b1 + b0)} read only values the population shares, so a backend computes them once
 * per step. Hodgkin-Huxley's rate functions are such exponentials (slopes -1/4, 1/5, -1/5, -1/40,
 * -1/18, -1/5 of v): four exponentials per neuron instead of six. Each distinct argument's
 * exponential is a temporary, computed once per neuron however many expressions read it
 * (exponential Euler writes each rate into the derivative and into its linear coefficient), so
 * no backend needs to find the repeats itself.
 *
 * <p>The shared form replaces the exponential only while both factors lie in
 * {@code [exp(-354), exp(354)]}: then they, the original and the product or quotient are all
 * normal doubles, so the two forms differ by rounding alone (a few ulps, from the rounding of the
 * arguments and of the product; every backend runs the rewritten program, so they still agree
 * bit for bit, as with {@link InvariantDivision}). Outside it, where the shared form could
 * overflow or underflow while the original does not, the neuron computes the original
 * exponential: one per-neuron comparison buys results that change in the last bits only. A NaN
 * argument (a neuron whose integration diverged, as forward Euler's HH in Brian2's speed suite)
 * takes the shared form, which is NaN as the original is.
 *
 * <p>Only exponentials every neuron evaluates are taken (not those inside a {@code where}'s
 * branches or an {@code and}/{@code or}, which may not run), and only arguments whose slope and
 * intercept read constants, shared parameters, {@code t} and {@code dt}; an argument is grouped
 * with those of the same variable, unchanged between them, and the same slope up to its sign.
 */
final class SharedExponentials {
    /** Both factors within exp(+-354): their product and quotient stay within exp(+-708), normal doubles. */
    static final double BOUND = 354;

    private final Set<String> shared;
    private final Set<String> names = new HashSet<>();
    private int fresh;

    private SharedExponentials(Set<String> shared) {
        this.shared = shared;
    }

    /** @param shared the parameters held as one number for the whole population */
    static List<Assign> of(List<Assign> body, Set<String> shared) {
        return new SharedExponentials(shared).rewrite(body);
    }

    /** An exponential's argument {@code sign * magnitude * variable + intercept}. */
    private record Term(Expr argument, String variable, int version, int sign, Expr magnitude, Expr intercept) {
        Group group() {
            return new Group(variable, version, magnitude);
        }

        Key key() {
            return new Key(argument, version);
        }
    }

    /** Arguments in the same variable, unchanged between them, with the same slope up to its sign. */
    private record Group(String variable, int version, Expr magnitude) {
    }

    /** An argument with the version of its variable: the same text after a write is another value. */
    private record Key(Expr argument, int version) {
    }

    private List<Assign> rewrite(List<Assign> body) {
        body.forEach(a -> {
            names.add(a.target());
            names.addAll(FreeVars.of(a.value()));
        });
        // each argument's first assignment, by group: the order decides where each temporary goes
        Map<Group, Map<Key, Term>> groups = new LinkedHashMap<>();
        Map<Key, Integer> firstUse = new HashMap<>();
        Map<String, Integer> versions = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            List<Expr> exps = new ArrayList<>();
            unconditionalExps(body.get(i).value(), exps);
            for (Expr arg : exps) {
                Term term = term(arg, versions);
                if (term != null) {
                    groups.computeIfAbsent(term.group(), g -> new LinkedHashMap<>()).putIfAbsent(term.key(), term);
                    firstUse.putIfAbsent(term.key(), i);
                }
            }
            versions.merge(body.get(i).target(), 1, Integer::sum);
        }
        // the temporary of each argument and the assignments that go before assignment i
        Map<Key, Expr> replacement = new HashMap<>();
        Map<Integer, List<Assign>> before = new HashMap<>();
        for (Map<Key, Term> group : groups.values()) {
            List<Term> terms = List.copyOf(group.values());
            if (terms.size() == 1 && occurrences(body, terms.get(0)) < 2) {
                continue;
            }
            Term base = representative(terms);
            int first = terms.stream().mapToInt(t -> firstUse.get(t.key())).min().orElseThrow();
            String argument = local("exp_arg");
            String exponential = local("exp");
            List<Assign> at = before.computeIfAbsent(first, k -> new ArrayList<>());
            at.add(new Assign(argument, base.argument()));
            at.add(new Assign(exponential, call(Fn.EXP, var(argument))));
            replacement.put(base.key(), var(exponential));
            for (Term t : terms) {
                if (t != base) {
                    String name = local("exp");
                    before.computeIfAbsent(firstUse.get(t.key()), k -> new ArrayList<>())
                            .add(new Assign(name, viaBase(t, base, var(argument), var(exponential))));
                    replacement.put(t.key(), var(name));
                }
            }
        }
        List<Assign> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < body.size(); i++) {
            out.addAll(before.getOrDefault(i, List.of()));
            Assign a = body.get(i);
            out.add(new Assign(a.target(), replace(a.value(), replacement, seen)));
            seen.merge(a.target(), 1, Integer::sum);
        }
        return out;
    }

    /**
     * {@code exp(t)} from the base's {@code exp(b)}: times {@code exp(t - b)} for the same sign of
     * the slope, {@code exp(t + b)} over it for the opposite, while both factors are within the
     * bound; the original exponential where not.
     */
    private static Expr viaBase(Term t, Term base, Expr baseArgument, Expr baseExp) {
        boolean same = t.sign() == base.sign();
        Expr offset = same ? sub(t.intercept(), base.intercept()) : add(t.intercept(), base.intercept());
        Expr factor = call(Fn.EXP, offset);
        Expr shared = same ? mul(baseExp, factor) : div(factor, baseExp);
        // tested as out of range, so that a NaN (a diverged neuron) takes the shared form: NaN either way
        Expr outOfRange = new Logic(LogicOp.OR, new Cmp(CmpOp.GE, call(Fn.ABS, baseArgument), num(BOUND)),
                new Cmp(CmpOp.GE, call(Fn.ABS, offset), num(BOUND)));
        return new Where(outOfRange, call(Fn.EXP, t.argument()), shared);
    }

    /** The term whose sign most terms share (the first such), so that fewer need a division. */
    private static Term representative(List<Term> terms) {
        long positive = terms.stream().filter(t -> t.sign() > 0).count();
        int sign = positive * 2 >= terms.size() ? 1 : -1;
        return terms.stream().filter(t -> t.sign() == sign).findFirst().orElseThrow();
    }

    private static int occurrences(List<Assign> body, Term t) {
        int n = 0;
        Map<String, Integer> versions = new HashMap<>();
        for (Assign a : body) {
            List<Expr> exps = new ArrayList<>();
            unconditionalExps(a.value(), exps);
            for (Expr arg : exps) {
                if (arg.equals(t.argument()) && versions.getOrDefault(t.variable(), 0) == t.version()) {
                    n++;
                }
            }
            versions.merge(a.target(), 1, Integer::sum);
        }
        return n;
    }

    private Expr replace(Expr e, Map<Key, Expr> replacement, Map<String, Integer> versions) {
        if (e instanceof Where || e instanceof Logic) {
            return e;
        }
        if (e instanceof Call c && c.fn() == Fn.EXP) {
            Term t = term(c.args().get(0), versions);
            if (t != null && replacement.containsKey(t.key())) {
                return replacement.get(t.key());
            }
        }
        return Exprs.mapChildren(e, c -> replace(c, replacement, versions));
    }

    /** The arguments of the exponentials {@code e} always evaluates, outermost first. */
    private static void unconditionalExps(Expr e, List<Expr> out) {
        if (e instanceof Where || e instanceof Logic) {
            return;
        }
        if (e instanceof Call c && c.fn() == Fn.EXP) {
            out.add(c.args().get(0));
        }
        Exprs.children(e).forEach(c -> unconditionalExps(c, out));
    }

    /** {@code arg} as an affine function of one per-neuron variable, or null. */
    private Term term(Expr arg, Map<String, Integer> versions) {
        Set<String> perNeuron = new HashSet<>(FreeVars.of(arg));
        perNeuron.removeIf(this::isShared);
        if (perNeuron.size() != 1) {
            return null;
        }
        String x = perNeuron.iterator().next();
        Affine f = Affine.of(arg, x, this::isShared);
        if (f == null || f.slope() instanceof Expr.Const c && c.value() == 0) {
            return null;
        }
        Expr slope = f.slope();
        int sign = 1;
        if (slope instanceof Neg n) {
            sign = -1;
            slope = n.operand();
        } else if (slope instanceof Expr.Const c && c.value() < 0) {
            sign = -1;
            slope = num(-c.value());
        }
        return new Term(arg, x, versions.getOrDefault(x, 0), sign, slope, f.intercept());
    }

    private boolean isShared(String name) {
        return shared.contains(name) || name.equals("t") || name.equals("dt");
    }

    /** A name that no variable of the program has. */
    private String local(String base) {
        String name;
        do {
            name = base + "__" + (fresh++);
        } while (!names.add(name));
        return name;
    }
}
