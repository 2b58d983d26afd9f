package org.brainj.backend.aparapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;

/**
 * The Java source of one step program, a block of a generated {@link OpKernel} subclass's
 * {@code program} method, written from the expression IR only; Aparapi translates it to OpenCL. Semantics are
 * {@link org.brainj.api.expr.Interpreter}'s: doubles throughout, a condition is true when
 * non-zero, a comparison or logical operation is 1 or 0, {@code ^} is pow. Every IR node gets its
 * own local, so each operation is its own OpenCL statement and rounds on its own, as in Java (an
 * OpenCL compiler may fuse a multiply and an add of one expression into an fma).
 */
final class StepSource {
    /**
     * Where a tensor's elements are: its pool, its offset, and the local that indexes it ("i", the
     * element of a step; in a synaptic program "s", "i" or "j", the synapse, its pre- or
     * post-synaptic neuron, which {@link #synaptic} prefixes), or "" when all share element 0.
     */
    record Place(boolean float32, int offset, String index) {
        String element() {
            return (float32 ? "f32[" : "f64[") + offset + (index.isEmpty() ? "]" : " + " + index + "]");
        }
    }

    private final StringBuilder out = new StringBuilder();
    private final String prefix;
    private final List<String> declared = new ArrayList<>();
    private final List<String> ints = new ArrayList<>();
    private String loop = "";
    private final Map<String, String> locals = new HashMap<>();
    private int temps;

    /**
     * @param prefix a prefix for this program's locals, unique within the generated kernel
     * @param state  state variables and where they live, read at the start, written at the end if assigned
     * @param params parameters and where they live
     * @param noise  the random draws, Philox under (seed, stream, counter = step) at the element; a
     *               uniform is float32's 24-bit one when a state variable is float32 (RandomDraw's rule)
     * @param body   the assignments, in order
     */
    StepSource(String prefix, Map<String, Place> state, Map<String, Place> params, List<RandomDraw> noise,
            List<Assign> body) {
        this(prefix, state, params, noise, "i", body);
    }

    /** As above, the draws made at the element that the int local {@code element} holds. */
    private StepSource(String prefix, Map<String, Place> state, Map<String, Place> params, List<RandomDraw> noise,
            String element, List<Assign> body) {
        this.prefix = prefix;
        declare("t", "s0");
        declare("dt", "s1");
        state.forEach((name, place) -> declare(name, "(double) " + place.element()));
        params.forEach((name, place) -> declare(name, "(double) " + place.element()));
        boolean float32State = state.values().stream().anyMatch(Place::float32);
        for (RandomDraw d : noise) {
            declare(d.name(), switch (d.distribution()) {
                case NORMAL -> "normal(" + element + ", " + d.stream() + ")";
                case UNIFORM -> float32State ? "uniformFloatAt(" + element + ", " + d.stream() + ")"
                        : "uniformAt(" + element + ", 0, " + d.stream() + ")";
                // drawn for every element: a work item's branch would not spare the others in its wavefront
                case UNIFORM_ON_DEMAND -> "uniformAt(" + element + ", 0, " + d.stream() + ")";
            });
        }
        for (int s = 0; s < body.size(); s++) {
            Assign a = body.get(s);
            String value = number(a.value(), s);
            String local = locals.get(a.target());
            if (local == null) {
                declare(a.target(), value);
            } else {
                line(local + " = " + value + ";");
            }
        }
        state.forEach((name, place) -> {
            if (body.stream().anyMatch(a -> a.target().equals(name))) {
                line(place.element() + " = " + (place.float32() ? "(float) " : "") + locals.get(name) + ";");
            }
        });
    }

    /**
     * A synaptic program's block: work item {@code i} loops over its part of the synapse list at
     * {@code offA} in the int32 pool ({@code len} synapses; every synapse in index order when
     * {@code offA} is negative), each synapse reading its elements, running the body and writing
     * back before the next, as the program's serial semantics have it. Its part is list positions
     * {@code [i32[offSeg + i], i32[offSeg + i + 1])}, or when {@code offSeg} is negative
     * {@code inner} positions from {@code i * inner}. {@code offB} and {@code offC} hold each
     * synapse's pre- and post-synaptic index. When {@code offFlag} is not negative a synapse runs
     * only if the int32 flag at {@code offFlag} plus its pre-synaptic index (its post-synaptic one
     * when {@code flagPost} is set) is not 0: the list is then every synapse a spike could reach,
     * and the flags say whose neurons spiked. The draws are made at the synapse's index.
     */
    static StepSource synaptic(String prefix, Map<String, Place> state, Map<String, Place> params,
            List<RandomDraw> noise, List<Assign> body) {
        String n = prefix + "n";
        String s = prefix + "s";
        String from = prefix + "a";
        String to = prefix + "b";
        StepSource block = new StepSource(prefix, prefixed(state, prefix), prefixed(params, prefix), noise, s, body);
        block.ints.addAll(List.of(n, s, prefix + "i", prefix + "j", from, to, prefix + "e"));
        block.loop = "      " + from + " = offSeg < 0 ? i * inner : i32[offSeg + i];\n"
                + "      " + to + " = offSeg < 0 ? min(" + from + " + inner, len) : i32[offSeg + i + 1];\n"
                + "      for (" + n + " = " + from + "; " + n + " < " + to + "; " + n + "++) {\n"
                + "      " + s + " = offA < 0 ? " + n + " : i32[offA + " + n + "];\n"
                + "      " + prefix + "i = i32[offB + " + s + "];\n"
                + "      " + prefix + "j = i32[offC + " + s + "];\n"
                + "      " + prefix + "e = flagPost != 0 ? " + prefix + "j : " + prefix + "i;\n"
                + "      if (offFlag < 0 || i32[offFlag + " + prefix + "e] != 0) {\n";
        return block;
    }

    private static Map<String, Place> prefixed(Map<String, Place> places, String prefix) {
        Map<String, Place> out = new java.util.LinkedHashMap<>();
        places.forEach((name, p) -> out.put(name, new Place(p.float32(), p.offset(),
                p.index().isEmpty() ? "" : prefix + p.index())));
        return out;
    }

    String text() {
        return loop.isEmpty() ? out.toString() : loop + out + "      }\n      }\n";
    }

    /** The int locals the block assigns (a synaptic block's counters and indices), which the enclosing method declares. */
    List<String> ints() {
        return List.copyOf(ints);
    }

    /** The locals the block assigns, all doubles, which the enclosing method declares. */
    List<String> locals() {
        return List.copyOf(declared);
    }

    private void declare(String name, String value) {
        String local = prefix + "v" + locals.size();
        declared.add(local);
        line(local + " = " + value + ";");
        locals.put(name, local);
    }

    /** A local holding the value of {@code e}. */
    private String number(Expr e, int statement) {
        if (e instanceof Expr.Var v) {
            String local = locals.get(v.name());
            if (local == null) {
                throw new BrainJException("compile: statement " + (statement + 1) + " of the step program reads '"
                        + v.name() + "', which is no state variable, parameter, random draw, t or dt, and no earlier"
                        + " statement assigns; known: " + new TreeSet<>(locals.keySet()));
            }
            return local;
        } else if (e instanceof Expr.Const c) {
            return temp(literal(c.value()));
        } else if (e instanceof Expr.Neg n) {
            return temp("-" + number(n.operand(), statement));
        } else if (e instanceof Expr.Bin b) {
            String l = number(b.left(), statement);
            String r = number(b.right(), statement);
            return temp(b.op() == Expr.BinOp.POW ? "pow(" + l + ", " + r + ")" : l + " " + b.op().symbol() + " " + r);
        } else if (e instanceof Expr.Call c) {
            return call(c, statement);
        } else if (e instanceof Expr.Where w) {
            String cond = number(w.cond(), statement);
            String then = number(w.then(), statement);
            String otherwise = number(w.otherwise(), statement);
            return temp(cond + " != 0 ? " + then + " : " + otherwise);
        } else if (e instanceof Expr.Cmp c) {
            String l = number(c.left(), statement);
            String r = number(c.right(), statement);
            return temp(l + " " + c.op().symbol() + " " + r + " ? 1.0 : 0.0");
        } else if (e instanceof Expr.Logic l) {
            String a = number(l.left(), statement);
            String b = number(l.right(), statement);
            return temp(a + " != 0 " + (l.op() == Expr.LogicOp.AND ? "&&" : "||") + " " + b + " != 0 ? 1.0 : 0.0");
        } else if (e instanceof Expr.Not n) {
            return temp(number(n.operand(), statement) + " != 0 ? 0.0 : 1.0");
        }
        throw new IllegalStateException("unhandled node " + e);
    }

    private String call(Expr.Call c, int statement) {
        String x = number(c.args().get(0), statement);
        return switch (c.fn()) {
            case SIGMOID -> {
                String e = temp("exp(-" + x + ")");
                String d = temp("1.0 + " + e);
                yield temp("1.0 / " + d);
            }
            case MIN -> temp("javaMin(" + x + ", " + number(c.args().get(1), statement) + ")");
            case MAX -> temp("javaMax(" + x + ", " + number(c.args().get(1), statement) + ")");
            default -> temp(c.fn().label() + "(" + x + ")");
        };
    }

    private String temp(String value) {
        String local = prefix + "t" + temps++;
        declared.add(local);
        line(local + " = " + value + ";");
        return local;
    }

    private static String literal(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        } else if (Double.isInfinite(v)) {
            return v > 0 ? "infinity" : "-infinity";
        }
        return Double.toString(v);
    }

    private void line(String s) {
        out.append("      ").append(s).append('\n');
    }
}
