package org.brainj.backend.cpu.codegen;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.program.Assign;

/**
 * The elements of a step in lanes of the incubating Vector API ({@code jdk.incubator.vector}),
 * which C2 compiles to SIMD instructions (8 doubles on AVX-512): a loop over whole vectors ahead
 * of the scalar loop, which finishes the remainder. C2 does not vectorise the scalar loop itself
 * where it selects or lists events (those are branches to it): CUBA at 10^4 on one thread, once
 * compiled, took 0.16-0.20 s of CPU per simulated second in lanes against 0.29-0.35 scalar (the
 * kernel alone, written out by hand: 1.05 against 2.5 ns per neuron). Until C2 has compiled it,
 * lanes code is slower than scalar code ({@link StepCompiler#LANES_MIN_ELEMENTS}).
 *
 * <p>Only what the lanes compute exactly as the scalar code does is put in lanes: {@code + - * /},
 * negation, comparisons, logic, selects, {@code sqrt} and {@code abs} (each correctly rounded, or
 * exact, in IEEE 754, lane by lane), on float64 tensors, without random draws. A program with
 * anything else ({@code exp}, {@code pow}, draws, float32) stays scalar, so the numbers are the
 * same to the bit either way. Selects compute both sides and blend; both sides are plain
 * arithmetic, so that costs no exception and changes no value that is kept.
 */
final class VectorLoop {
    private static final String PKG = "jdk.incubator.vector.";
    private static final String VECTOR = PKG + "DoubleVector";
    private static final String MASK = PKG + "VectorMask";
    private static final String OPS = PKG + "VectorOperators";

    private final Map<String, String> scalars;
    /** Vector locals: the per-element tensors, then the body's temporaries. */
    private final Map<String, String> vectors = new HashMap<>();
    /** The temporaries held as masks (flags assigned once). */
    private final Set<String> masks = new HashSet<>();
    /** For a state variable's local last assigned a mask temporary, that mask. */
    private final Map<String, String> flags = new HashMap<>();
    /** Broadcasts made before the loop: the Java scalar (a local or a literal) -> its vector local. */
    private final Map<String, String> broadcasts = new LinkedHashMap<>();
    private final StringBuilder loop = new StringBuilder();

    /**
     * @param scalars    the Java local of each variable that is the same for all elements
     *                   ({@code t}, {@code dt}, 0-d parameters, hoisted invariants)
     */
    private VectorLoop(Map<String, String> scalars) {
        this.scalars = scalars;
    }

    /** Whether every statement of {@code body} can run in lanes. */
    static boolean fits(List<Assign> body) {
        return body.stream().allMatch(a -> fits(a.value()));
    }

    private static boolean fits(Expr e) {
        boolean self = e instanceof Expr.Bin b ? b.op() != Expr.BinOp.POW
                : !(e instanceof Expr.Call c) || c.fn() == Expr.Fn.SQRT || c.fn() == Expr.Fn.ABS;
        return self && Exprs.children(e).stream().allMatch(VectorLoop::fits);
    }

    /**
     * The Java source of the loop over whole vectors of {@code [from, to)}, leaving {@code i} at the
     * first element it did not do; the caller has checked {@link #fits}.
     *
     * @param tensorNames the tensors' variables, by index k
     * @param stateCount  how many of them (the first) are state
     * @param shared      which tensors are 0-d (read once into the scalar local {@code v}k)
     * @param read        the state variables the body reads before it writes them
     * @param events      the variable whose non-zero elements are listed, or null
     */
    static String text(List<Assign> body, Map<String, String> scalars, List<String> tensorNames, int stateCount,
                       boolean[] shared, Set<String> read, String events) {
        return new VectorLoop(scalars).write(body, tensorNames, stateCount, shared, read, events);
    }

    private String write(List<Assign> body, List<String> tensorNames, int stateCount, boolean[] shared,
                         Set<String> read, String events) {
        for (int k = 0; k < tensorNames.size(); k++) {
            if (shared[k]) {
                continue;
            }
            String name = tensorNames.get(k);
            vectors.put(name, "w" + k);
            boolean state = k < stateCount;
            line((state ? "" : "final ") + VECTOR + " w" + k + " = "
                    + (state && !read.contains(name) ? broadcast("0.0") : VECTOR + ".fromArray(vs, a" + k + ", o" + k + " + i)") + ";");
        }
        Map<String, Long> assignments = body.stream().collect(Collectors.groupingBy(Assign::target, Collectors.counting()));
        Set<Integer> dirty = new TreeSet<>();
        int temps = 0;
        for (Assign a : body) {
            String local = vectors.get(a.target());
            if (local == null) {
                local = "x" + temps++;
                if (assignments.get(a.target()) == 1 && isFlag(a.value())) {
                    line("final " + MASK + " " + local + " = " + condition(((Expr.Where) a.value()).cond()) + ";");
                    masks.add(local);
                } else {
                    line(VECTOR + " " + local + " = " + number(a.value()) + ";");
                }
                vectors.put(a.target(), local);
            } else {
                line(local + " = " + number(a.value()) + ";");
                if (a.value() instanceof Expr.Var v && masks.contains(vectors.get(v.name()))) {
                    flags.put(local, vectors.get(v.name()));
                } else {
                    flags.remove(local);
                }
                int k = tensorNames.indexOf(a.target());
                if (k >= 0) {
                    dirty.add(k);
                }
            }
        }
        for (int k : dirty) {
            line("w" + k + ".intoArray(a" + k + ", o" + k + " + i);");
        }
        if (events != null) {
            String flag = flags.get(vectors.get(events));
            line("final " + MASK + " listing = " + (flag != null ? flag : condition(new Expr.Var(events))) + ";");
            line("if (listing.anyTrue()) { for (int j = 0; j < lanes; j++) { if (listing.laneIsSet(j)) {"
                    + " events[at + listed++] = i + j; } } }");
        }
        StringBuilder text = new StringBuilder();
        text.append("final jdk.incubator.vector.VectorSpecies vs = ").append(VECTOR).append(".SPECIES_PREFERRED;\n");
        text.append("final int lanes = vs.length();\n");
        broadcasts.forEach((scalar, vector) -> text.append("final ").append(VECTOR).append(' ').append(vector)
                .append(" = ").append(VECTOR).append(".broadcast(vs, ").append(scalar).append(");\n"));
        text.append("final int whole = from + vs.loopBound(to - from);\n");
        text.append("for (; i < whole; i += lanes) {\n");
        text.append(loop);
        text.append("}\n");
        return text.toString();
    }

    /** {@code where(c, 1, 0)}: a condition held as a number. */
    private static boolean isFlag(Expr e) {
        return e instanceof Expr.Where w && w.then() instanceof Expr.Const one && one.value() == 1
                && w.otherwise() instanceof Expr.Const zero && zero.value() == 0;
    }

    private String number(Expr e) {
        if (e instanceof Expr.Const c) {
            return broadcast(JavaExpr.literal(c.value()));
        } else if (e instanceof Expr.Var v) {
            String vector = vectors.get(v.name());
            if (vector != null) {
                return masks.contains(vector) ? asNumber(vector) : vector;
            }
            String scalar = scalars.get(v.name());
            if (scalar == null) {
                throw new IllegalStateException("no local for " + v.name());
            }
            return broadcast(scalar);
        } else if (e instanceof Expr.Neg n) {
            return number(n.operand()) + ".neg()";
        } else if (e instanceof Expr.Bin b) {
            String op = switch (b.op()) {
                case ADD -> "add";
                case SUB -> "sub";
                case MUL -> "mul";
                case DIV -> "div";
                case POW -> throw new IllegalStateException("pow is not put in lanes");
            };
            return number(b.left()) + "." + op + "(" + number(b.right()) + ")";
        } else if (e instanceof Expr.Call c) {
            return number(c.args().get(0)) + (c.fn() == Expr.Fn.SQRT ? ".sqrt()" : ".abs()");
        } else if (e instanceof Expr.Where w) {
            return number(w.otherwise()) + ".blend(" + number(w.then()) + ", " + condition(w.cond()) + ")";
        }
        return asNumber(condition(e));
    }

    private String condition(Expr e) {
        if (e instanceof Expr.Var v && masks.contains(vectors.get(v.name()))) {
            return vectors.get(v.name());
        } else if (e instanceof Expr.Cmp c && c.left() instanceof Expr.Var v && masks.contains(vectors.get(v.name()))
                && c.right() instanceof Expr.Const k
                && (c.op() == Expr.CmpOp.GT && k.value() >= 0 && k.value() < 1 || c.op() == Expr.CmpOp.NE && k.value() == 0)) {
            // a flag tested for being set, as the runtime reads its flags back: the mask itself
            return vectors.get(v.name());
        } else if (e instanceof Expr.Cmp c) {
            return number(c.left()) + ".compare(" + OPS + "." + c.op().name() + ", " + number(c.right()) + ")";
        } else if (e instanceof Expr.Logic l) {
            return condition(l.left()) + (l.op() == Expr.LogicOp.AND ? ".and(" : ".or(") + condition(l.right()) + ")";
        } else if (e instanceof Expr.Not n) {
            return condition(n.operand()) + ".not()";
        }
        return number(e) + ".compare(" + OPS + ".NE, " + broadcast("0.0") + ")";
    }

    /** A mask as 1.0 where set and 0.0 elsewhere. */
    private String asNumber(String mask) {
        return broadcast("0.0") + ".blend(" + broadcast("1.0") + ", " + mask + ")";
    }

    private String broadcast(String scalar) {
        return broadcasts.computeIfAbsent(scalar, s -> "b" + broadcasts.size());
    }

    private void line(String s) {
        loop.append(s).append('\n');
    }
}
