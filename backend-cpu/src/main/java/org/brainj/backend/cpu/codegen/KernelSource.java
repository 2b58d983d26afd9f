package org.brainj.backend.cpu.codegen;

import java.util.ArrayList;
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
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.random.UniformBatch;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuTensor;

/** The Java source of one step class. */
final class KernelSource {
    private final StepProgram program;
    private final Layout layout;
    private final CpuTensor[] tensors;
    private final Map<String, String> locals = new HashMap<>();
    /** For a state variable's local last assigned a flag held as a boolean, that boolean local. */
    private final Map<String, String> flags = new HashMap<>();
    private final StringBuilder out = new StringBuilder();
    /** The estimated cost of one element's step (ns), known once the text is made. */
    private double elementNs;

    /** Whether the elements may run in lanes of the Vector API (see {@link VectorLoop}). */
    private final boolean lanes;

    KernelSource(StepProgram program, Layout layout, CpuTensor[] tensors, boolean lanes) {
        this.program = program;
        this.layout = layout;
        this.tensors = tensors;
        this.lanes = lanes;
    }

    String text(String className) {
        int dot = className.lastIndexOf('.');
        line("package " + className.substring(0, dot) + ";");
        line("public final class " + className.substring(dot + 1) + " implements " + ElementRange.class.getName() + " {");
        line("private final long seed;");
        // each tensor's array and offset (final in CpuTensor) taken out once, here: taken out in run, each
        // tensor's calls, cast and their checks were five or six uncommon traps in C2's graph of run, and
        // CUBA's 18 tensors half the cost of its kernel's compile (151 traps and ~40 ms of C2's CPU, now 45 and ~19)
        StringBuilder unpack = new StringBuilder();
        for (int k = 0; k < tensors.length; k++) {
            String array = arrayType(k);
            line("private final " + array + " a" + k + ";");
            line("private final int o" + k + ";");
            unpack.append(" this.a").append(k).append(" = (").append(array).append(") tensors[").append(k).append("].data();")
                    .append(" this.o").append(k).append(" = tensors[").append(k).append("].offset();");
        }
        line("public " + className.substring(dot + 1) + "(" + CpuTensor.class.getName() + "[] tensors, long seed) {"
                + " this.seed = seed;" + unpack + " }");
        line("public int run(double t, double dt, long step, int from, int to, int[] events, int at) {");
        line("int listed = 0;");
        locals.put("t", "t");
        locals.put("dt", "dt");
        for (int k = 0; k < tensors.length; k++) {
            line("final " + arrayType(k) + " a" + k + " = this.a" + k + ";");
            line("final int o" + k + " = this.o" + k + ";");
            if (isShared(k)) {
                // a 0-d parameter: one read per run
                line("final double v" + k + " = a" + k + "[o" + k + "];");
            }
            locals.put(layout.tensorNames.get(k), "v" + k);
        }
        List<RandomDraw> noise = program.noise();
        for (int d = 0; d < noise.size(); d++) {
            line("final org.brainj.api.random.RandomKey k" + d + " = " + Draws.class.getName() + ".key(seed, "
                    + noise.get(d).stream() + ", step);");
            // an on-demand draw is made where the body reads it, so only an element whose taken branch reads it pays
            locals.put(noise.get(d).name(), onDemand(noise.get(d)) ? Draws.class.getName() + ".uniform(k" + d + ", i)"
                    : "r" + d);
        }
        List<Assign> body = hoistInvariants();
        elementNs = estimate(body, (int) noise.stream().filter(d -> !onDemand(d)).count());
        boolean inLanes = inLanes(body);
        // in lanes every update is in SIMD instructions already
        SeparateUpdates split = inLanes ? null : SeparateUpdates.of(body, program.state(),
                noise.stream().map(RandomDraw::name).collect(Collectors.toSet()), program.events());
        List<Assign> main = split == null ? body : split.main;
        Set<String> read = readBeforeWritten(main);
        Set<String> used = referenced(main);
        line("int i = from;");
        if (inLanes) {
            boolean[] shared = new boolean[tensors.length];
            for (int k = 0; k < tensors.length; k++) {
                shared[k] = isShared(k);
            }
            out.append(VectorLoop.text(body, locals, layout.tensorNames, layout.stateCount, shared, read, program.events()));
        }
        boolean batched = uniformBatches(noise);
        // the elements the lanes left (all of them where the program does not fit in lanes)
        line("for (; i < " + (batched ? "batchEnd" : "to") + "; i++) {");
        for (int k = 0; k < tensors.length; k++) {
            if (!used.contains(layout.tensorNames.get(k))) {
                continue; // a separated update's state, or a parameter only such an update reads
            } else if (k < layout.stateCount && !read.contains(layout.tensorNames.get(k))) {
                // written before any read (the spike flag): its old value is never needed
                line("double v" + k + ";");
            } else if (!isShared(k)) {
                line((k < layout.stateCount ? "double" : "final double") + " v" + k + " = " + element(k) + ";");
            }
        }
        for (int d = 0; d < noise.size(); d++) {
            switch (noise.get(d).distribution()) {
                case NORMAL -> line("final double r" + d + " = " + Draws.class.getName() + ".normal(k" + d + ", i);");
                case UNIFORM -> line("final double r" + d + " = u" + d + "[i - batch];");
                case UNIFORM_ON_DEMAND -> { }
            }
        }
        body(main);
        if (program.events() != null) {
            // in index order, so the list is the one a scan of the flags would give
            String local = locals.get(program.events());
            line("if (" + flags.getOrDefault(local, local + " != 0") + ") { events[at + listed++] = i; }");
        }
        line("}");
        if (batched) {
            line("}");
        }
        if (split != null) {
            split.separate.forEach(this::separateLoop);
        }
        line("return listed;");
        line("}");
        line("}");
        return out.toString();
    }

    /** A loop over the elements again for one of {@link SeparateUpdates}: its own reads, its statements, its store. */
    private void separateLoop(List<Assign> update) {
        line("for (i = from; i < to; i++) {");
        Set<String> read = readFirst(update);
        for (int k = 0; k < tensors.length; k++) {
            String name = layout.tensorNames.get(k);
            if (isShared(k)) {
                continue;
            } else if (read.contains(name)) {
                line((k < layout.stateCount ? "double" : "final double") + " v" + k + " = " + element(k) + ";");
            } else if (k < layout.stateCount && update.get(update.size() - 1).target().equals(name)) {
                line("double v" + k + ";");
            }
        }
        body(update);
        line("}");
    }

    /**
     * Where the program draws uniforms, opens a loop over batches of {@link UniformBatch#SIZE}
     * elements that draws each batch's uniforms before its elements run, and returns true: the
     * same numbers as {@code Philox.uniform} element by element, at half the cost (see
     * {@link UniformBatch}). The element loop inside reads draw {@code d}'s from {@code u<d>}.
     */
    private boolean uniformBatches(List<RandomDraw> noise) {
        String batch = UniformBatch.class.getName();
        boolean any = false;
        for (int d = 0; d < noise.size(); d++) {
            if (noise.get(d).distribution() == RandomDraw.Distribution.UNIFORM) {
                line("final " + batch + " g" + d + " = " + batch + ".ofThread(" + d + ");");
                line("final double[] u" + d + " = g" + d + ".values();");
                any = true;
            }
        }
        if (!any) {
            return false;
        }
        // the element loop leaves i at batchEnd: the next batch starts there (batch + SIZE could overflow)
        line("for (int batch = from; batch < to; batch = i) {");
        line("final int batchEnd = batch + Math.min(to - batch, " + UniformBatch.SIZE + ");");
        String fill = hasFloat32State() ? "uniformFloats" : "uniforms";
        for (int d = 0; d < noise.size(); d++) {
            if (noise.get(d).distribution() == RandomDraw.Distribution.UNIFORM) {
                line("g" + d + "." + fill + "(k" + d + ", batch, batchEnd - batch);");
            }
        }
        return true;
    }

    /**
     * Computes before the loop, once per run, each largest subexpression that reads only
     * constants, {@code t}, {@code dt}, 0-d parameters and temporaries computed from those
     * (e.g. {@code 1 / tau}, {@code t_ref - dt / 2}, and the propagator {@code exp(-dt / tau)} with
     * its {@code phi1} that {@code exact} and {@code exponential_euler} write through temporaries),
     * and returns the body reading them: the same operations on the same values, so the same
     * results, without repeating them for every element. A temporary that becomes such a value is
     * dropped from the body and read from its once-per-run local (Brian2's scalar code, NEST's
     * propagators).
     */
    private List<Assign> hoistInvariants() {
        Set<String> invariant = new HashSet<>(Set.of("t", "dt"));
        for (int k = 0; k < tensors.length; k++) {
            if (isShared(k)) {
                invariant.add(layout.tensorNames.get(k));
            }
        }
        Map<String, Long> assignments = program.body().stream()
                .collect(Collectors.groupingBy(Assign::target, Collectors.counting()));
        Map<Expr, String> hoisted = new LinkedHashMap<>();
        JavaExpr java = new JavaExpr(locals);
        List<Assign> body = new ArrayList<>();
        for (Assign a : program.body()) {
            int before = hoisted.size();
            Expr value = hoist(a.value(), invariant, hoisted);
            hoisted.entrySet().stream().skip(before).forEach(h -> {
                String local = "c" + h.getValue().substring(1);
                line("final double " + local + " = " + java.number(h.getKey()) + ";");
                locals.put(h.getValue(), local);
            });
            boolean temporary = !program.state().contains(a.target()) && assignments.get(a.target()) == 1;
            if (temporary && value instanceof Expr.Var v
                    && (invariant.contains(v.name()) || hoisted.containsValue(v.name()))) {
                invariant.add(a.target());
                locals.put(a.target(), locals.get(v.name()));
            } else {
                body.add(new Assign(a.target(), value));
            }
        }
        return body;
    }

    /** The estimated cost of one element's step (ns), for {@link SplitKernel}; valid after {@link #text}. */
    double elementNs() {
        return elementNs;
    }

    /**
     * About a nanosecond per operation and per element read or written, 15 per function call
     * (exp, log, pow), 25 per random draw (a Philox block): what the element costs once the
     * invariants are hoisted, to the factor of two that deciding on a split needs.
     */
    private double estimate(List<Assign> body, int draws) {
        double ns = 25.0 * draws;
        for (int k = 0; k < tensors.length; k++) {
            ns += isShared(k) ? 0 : 1;
        }
        for (Assign a : body) {
            ns += cost(a.value());
        }
        return ns;
    }

    private static double cost(Expr e) {
        double c = e instanceof Expr.Call ? 15 : e instanceof Expr.Var || e instanceof Expr.Const ? 0 : 1;
        for (Expr child : Exprs.children(e)) {
            c += cost(child);
        }
        return c;
    }

    /** {@code e} with its invariant compound subexpressions replaced by variables named in {@code hoisted}. */
    static Expr hoist(Expr e, Set<String> invariant, Map<Expr, String> hoisted) {
        if (e instanceof Expr.Var || e instanceof Expr.Const) {
            return e;
        }
        if (invariant.containsAll(FreeVars.of(e))) {
            // '#' cannot start a name of the program, so it clashes with none
            return new Expr.Var(hoisted.computeIfAbsent(e, x -> "#" + hoisted.size()));
        }
        return Exprs.mapChildren(e, c -> hoist(c, invariant, hoisted));
    }

    /**
     * Writes the body for one element. Temporaries that are flags ({@code where(c, 1, 0)}, as the
     * runtime holds not-refractory and spiked) become booleans, so reading them back costs no
     * select and comparison; a state variable assigned {@code where(c, a, itself)} while its local
     * still equals the stored value (the last spike's time) is stored only where {@code c} holds;
     * every other state variable assigned is stored once, after the body. Same values, fewer
     * instructions and memory writes per element.
     */
    private void body(List<Assign> assigns) {
        Set<String> booleans = new HashSet<>();
        JavaExpr java = new JavaExpr(locals, booleans);
        Set<Integer> dirty = new TreeSet<>();
        Map<String, Long> assignments = assigns.stream().collect(Collectors.groupingBy(Assign::target, Collectors.counting()));
        int temps = 0;
        Map<Expr, Long> calls = new HashMap<>();
        assigns.forEach(a -> countCalls(a.value(), calls));
        Map<Expr, String> computed = new HashMap<>();
        for (Assign a : assigns) {
            Expr value = shareCalls(a.value(), calls, computed, java);
            String local = locals.get(a.target());
            int k = layout.tensorNames.indexOf(a.target());
            if (local == null) {
                local = "l" + temps++;
                if (assignments.get(a.target()) == 1 && isFlag(value)) {
                    line("final boolean " + local + " = " + java.condition(((Expr.Where) value).cond()) + ";");
                    booleans.add(local);
                } else {
                    line("double " + local + " = " + java.number(value) + ";");
                }
                locals.put(a.target(), local);
            } else if (k >= 0 && !dirty.contains(k) && value instanceof Expr.Where w
                    && w.otherwise().equals(new Expr.Var(a.target()))) {
                line("if (" + java.condition(w.cond()) + ") { " + local + " = " + java.number(w.then()) + "; " + store(k) + " }");
                flags.remove(local);
            } else {
                line(local + " = " + java.number(value) + ";");
                if (value instanceof Expr.Var v && booleans.contains(locals.get(v.name()))) {
                    flags.put(local, locals.get(v.name()));
                } else {
                    flags.remove(local);
                }
                if (k >= 0) {
                    dirty.add(k);
                }
            }
            // a call that read the old value must be computed afresh
            computed.keySet().removeIf(e -> FreeVars.of(e).contains(a.target()));
        }
        for (int k : dirty) {
            line(store(k));
        }
    }

    private String store(int k) {
        String cast = tensors[k].dtype() == DType.FLOAT32 ? "(float) " : "";
        return element(k) + " = " + cast + "v" + k + ";";
    }

    /**
     * Element {@code i} of per-element tensor {@code k}. A tensor that starts its array (offset 0,
     * nearly all) is indexed by {@code i} alone: with an offset per tensor C2 adds each to
     * {@code i} for every element and, five or more tensors on, keeps the offsets on the stack
     * (COBA's main loop spent ten of its ~45 instructions per element so); the same elements.
     */
    static String element(int k, CpuTensor tensor) {
        return "a" + k + "[" + (tensor.offset() == 0 ? "i" : "o" + k + " + i") + "]";
    }

    private String element(int k) {
        return element(k, tensors[k]);
    }

    /** {@code where(c, 1, 0)}: a condition held as a number. */
    private static boolean isFlag(Expr e) {
        return e instanceof Expr.Where w && w.then() instanceof Expr.Const one && one.value() == 1
                && w.otherwise() instanceof Expr.Const zero && zero.value() == 0;
    }

    /** The variables the body reads before assigning them (and the events variable if the body never assigns it). */
    private Set<String> readBeforeWritten(List<Assign> body) {
        Set<String> read = readFirst(body);
        if (program.events() != null && body.stream().noneMatch(a -> a.target().equals(program.events()))) {
            read.add(program.events());
        }
        return read;
    }

    /** The variables {@code body} reads before assigning them. */
    private static Set<String> readFirst(List<Assign> body) {
        Set<String> assigned = new HashSet<>();
        Set<String> read = new HashSet<>();
        for (Assign a : body) {
            FreeVars.of(a.value()).stream().filter(x -> !assigned.contains(x)).forEach(read::add);
            assigned.add(a.target());
        }
        return read;
    }

    /** The variables {@code body} reads or assigns, and the events variable, which the loop reads to list them. */
    private Set<String> referenced(List<Assign> body) {
        Set<String> names = new HashSet<>();
        for (Assign a : body) {
            names.add(a.target());
            names.addAll(FreeVars.of(a.value()));
        }
        if (program.events() != null) {
            names.add(program.events());
        }
        return names;
    }

    private static void countCalls(Expr e, Map<Expr, Long> calls) {
        if (e instanceof Expr.Call) {
            calls.merge(e, 1L, Long::sum);
        }
        Exprs.children(e).forEach(c -> countCalls(c, calls));
    }

    /**
     * {@code e} with each function call that the body makes more than once (exponential_euler
     * writes every {@code exp} of a rate into both the derivative and its linear coefficient)
     * read from a local computed once per element, while the variables it reads are unchanged:
     * the same call on the same values, so the same numbers, for one evaluation instead of several.
     */
    private Expr shareCalls(Expr e, Map<Expr, Long> calls, Map<Expr, String> computed, JavaExpr java) {
        if (e instanceof Expr.Var || e instanceof Expr.Const) {
            return e;
        }
        Expr inner = Exprs.mapChildren(e, c -> shareCalls(c, calls, computed, java));
        if (!(e instanceof Expr.Call) || calls.getOrDefault(e, 0L) < 2) {
            return inner;
        }
        String name = computed.get(e);
        if (name == null) {
            // '%' cannot start a name of the program, so it clashes with none
            name = "%" + locals.size();
            String local = "s" + locals.size();
            line("final double " + local + " = " + java.number(inner) + ";");
            locals.put(name, local);
            computed.put(e, name);
        }
        return new Expr.Var(name);
    }

    /**
     * Whether the body runs in lanes: allowed, on float64 tensors only, without draws, of
     * operations lanes do exactly, and where C2 would not vectorise the scalar loop itself: a
     * body that selects or compares, or a program that lists events (plain arithmetic such as
     * {@code v = v * c} it vectorises already, and ran 10-20 % slower in lanes: measured,
     * LinearNeuronsOnly at 10^4).
     */
    private boolean inLanes(List<Assign> body) {
        for (CpuTensor t : tensors) {
            if (t.dtype() != DType.FLOAT64) {
                return false;
            }
        }
        boolean branches = program.events() != null || body.stream().anyMatch(a -> selects(a.value()));
        return lanes && branches && program.noise().isEmpty() && VectorLoop.fits(body);
    }

    private static boolean selects(Expr e) {
        return e instanceof Expr.Where || e instanceof Expr.Cmp || e instanceof Expr.Logic || e instanceof Expr.Not
                || Exprs.children(e).stream().anyMatch(KernelSource::selects);
    }

    /** Whether a state tensor is float32, which makes uniforms float32's, as {@link org.brainj.api.program.RandomDraw} says. */
    private boolean hasFloat32State() {
        for (int k = 0; k < layout.stateCount; k++) {
            if (tensors[k].dtype() == DType.FLOAT32) {
                return true;
            }
        }
        return false;
    }

    private static boolean onDemand(RandomDraw d) {
        return d.distribution() == RandomDraw.Distribution.UNIFORM_ON_DEMAND;
    }

    private boolean isShared(int k) {
        return k >= layout.stateCount && tensors[k].rank() == 0;
    }

    private String arrayType(int k) {
        return tensors[k].dtype() == DType.FLOAT32 ? "float[]" : "double[]";
    }

    private void line(String s) {
        out.append(s).append('\n');
    }
}
