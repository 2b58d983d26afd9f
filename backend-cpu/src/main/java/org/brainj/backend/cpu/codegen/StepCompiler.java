package org.brainj.backend.cpu.codegen;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.backend.cpu.CpuTensor;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles a step program into JVM bytecode: Java source generated from the IR (one class, one
 * fused loop over the population), compiled with Janino. Per run, 0-d parameters are read once
 * and per-element tensors indexed in the loop; each element reads its state into locals, runs
 * the body in order (a state variable assigned twice is seen updated by what follows, as
 * threshold and reset need), draws its noise with Philox under {@code (seed, stream, step)} at
 * its index, and writes the assigned state back in its tensor's dtype. Arithmetic is in double.
 *
 * <p>The generated class depends only on the program, not on the tensors, so a program compiled
 * once is reused for new bindings; tensors are read through on every run, so writing a parameter
 * changes the result without recompiling.
 */
public final class StepCompiler {
    private static final String CLASS_NAME = "org.brainj.backend.cpu.codegen.GeneratedStep";
    private static final int CACHE_SIZE = 256;
    private static final Map<String, Class<?>> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private final CpuBackend backend;

    public StepCompiler(CpuBackend backend) {
        this.backend = backend;
    }

    public Kernel compile(StepProgram program, Bindings bindings) {
        Layout layout = new Layout(program);
        CpuTensor[] tensors = bind(layout, bindings);
        // state tensor 0 has the population's shape, which every per-element tensor shares
        int size = tensors[0].size();
        String source = new KernelSource(program, layout, tensors).text(CLASS_NAME);
        try {
            ElementRange range = (ElementRange) compiled(source)
                    .getConstructor(CpuTensor[].class, long.class)
                    .newInstance(tensors, bindings.seed());
            return new SplitKernel(range, size);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new IllegalStateException("the generated step class cannot be instantiated", e);
        }
    }

    private static Class<?> compiled(String source) {
        synchronized (CACHE) {
            Class<?> cached = CACHE.get(source);
            if (cached != null) {
                return cached;
            }
        }
        SimpleCompiler compiler = new SimpleCompiler();
        // under OSGi the generated code must see the API and this bundle through this bundle's loader
        compiler.setParentClassLoader(StepCompiler.class.getClassLoader());
        try {
            compiler.cook(source);
            Class<?> c = compiler.getClassLoader().loadClass(CLASS_NAME);
            synchronized (CACHE) {
                CACHE.put(source, c);
            }
            return c;
        } catch (CompileException | ClassNotFoundException e) {
            throw new IllegalStateException("generated step code does not compile: " + e.getMessage() + "\n" + source, e);
        }
    }

    /** The tensors in layout order, after checking each against its variable. */
    private CpuTensor[] bind(Layout layout, Bindings bindings) {
        CpuTensor[] tensors = new CpuTensor[layout.tensorNames.size()];
        int[] population = null;
        String populationFrom = null;
        for (int k = 0; k < tensors.length; k++) {
            String name = layout.tensorNames.get(k);
            Tensor t = bindings.tensors().get(name);
            boolean isState = k < layout.stateCount;
            String role = (isState ? "state variable '" : "parameter '") + name + "'";
            if (t == null) {
                throw new BindingException("the step program's " + role + " has no tensor in the bindings; bound: "
                        + new TreeSet<>(bindings.tensors().keySet()));
            }
            if (!(t instanceof CpuTensor cpu) || t.backend() != backend) {
                throw new BindingException(role + " is a tensor of backend '" + t.backend().name()
                        + "', not of this '" + backend.name() + "' backend; transfer it with " + backend.name() + ".transfer");
            }
            if (!t.dtype().isFloat()) {
                throw new BindingException(role + " has dtype " + t.dtype() + "; step programs compute on float32 or "
                        + "float64 tensors, convert it with astype");
            }
            int[] shape = t.shape();
            if (isState || shape.length > 0) {
                if (population == null) {
                    population = shape;
                    populationFrom = role;
                } else if (!Arrays.equals(population, shape)) {
                    throw new BindingException(role + " has shape " + Shapes.format(shape) + " but " + populationFrom
                            + " has shape " + Shapes.format(population) + "; per-element tensors share the population's"
                            + " shape, a value shared by all is a 0-d tensor");
                }
            }
            tensors[k] = cpu;
        }
        return tensors;
    }

    /** Which variable is what, and the checks that need only the program. */
    static final class Layout {
        final List<String> tensorNames = new ArrayList<>();
        final int stateCount;

        Layout(StepProgram program) {
            List<String> state = new ArrayList<>(new TreeSet<>(program.state()));
            List<String> params = new ArrayList<>(new TreeSet<>(program.params()));
            stateCount = state.size();
            tensorNames.addAll(state);
            tensorNames.addAll(params);
            if (state.isEmpty()) {
                throw new BindingException("the step program has no state variable; a step updates at least one");
            }
            Set<String> known = new HashSet<>(Set.of("t", "dt"));
            for (String name : tensorNames) {
                requireNew(name, known, "state variable or parameter");
            }
            for (RandomDraw draw : program.noise()) {
                requireNew(draw.name(), known, "random draw");
            }
            for (int i = 0; i < program.body().size(); i++) {
                Assign a = program.body().get(i);
                for (String read : FreeVars.of(a.value())) {
                    if (!known.contains(read)) {
                        throw new BindingException("statement " + (i + 1) + " of the step program (" + a.target()
                                + " = ...) reads '" + read + "', which is no state variable, parameter, random draw, t or dt,"
                                + " and no earlier statement assigns; known: " + new TreeSet<>(known));
                    }
                }
                if (program.params().contains(a.target())) {
                    throw new BindingException("statement " + (i + 1) + " of the step program assigns parameter '"
                            + a.target() + "'; parameters are read-only, make it a state variable");
                }
                if (a.target().equals("t") || a.target().equals("dt")
                        || program.noise().stream().anyMatch(d -> d.name().equals(a.target()))) {
                    throw new BindingException("statement " + (i + 1) + " of the step program assigns '" + a.target()
                            + "', which is time or a random draw; assign another name");
                }
                known.add(a.target());
            }
        }

        private static void requireNew(String name, Set<String> known, String role) {
            if (!known.add(name)) {
                throw new BindingException("'" + name + "' is a " + role + " of the step program but also "
                        + ("t".equals(name) || "dt".equals(name) ? "time" : "another state variable, parameter or draw")
                        + "; give each its own name");
            }
        }
    }

    /** The Java source of one step class. */
    private static final class KernelSource {
        private final StepProgram program;
        private final Layout layout;
        private final CpuTensor[] tensors;
        private final Map<String, String> locals = new HashMap<>();
        private final StringBuilder out = new StringBuilder();

        KernelSource(StepProgram program, Layout layout, CpuTensor[] tensors) {
            this.program = program;
            this.layout = layout;
            this.tensors = tensors;
        }

        String text(String className) {
            int dot = className.lastIndexOf('.');
            line("package " + className.substring(0, dot) + ";");
            line("public final class " + className.substring(dot + 1) + " implements " + ElementRange.class.getName() + " {");
            line("private final " + CpuTensor.class.getName() + "[] tensors;");
            line("private final long seed;");
            line("public " + className.substring(dot + 1) + "(" + CpuTensor.class.getName() + "[] tensors, long seed) {"
                    + " this.tensors = tensors; this.seed = seed; }");
            line("public void run(double t, double dt, long step, int from, int to) {");
            locals.put("t", "t");
            locals.put("dt", "dt");
            for (int k = 0; k < tensors.length; k++) {
                String array = arrayType(k);
                line("final " + array + " a" + k + " = (" + array + ") tensors[" + k + "].data();");
                line("final int o" + k + " = tensors[" + k + "].offset();");
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
                locals.put(noise.get(d).name(), "r" + d);
            }
            line("for (int i = from; i < to; i++) {");
            for (int k = 0; k < tensors.length; k++) {
                if (!isShared(k)) {
                    line((k < layout.stateCount ? "double" : "final double") + " v" + k + " = a" + k + "[o" + k + " + i];");
                }
            }
            for (int d = 0; d < noise.size(); d++) {
                String draw = switch (noise.get(d).distribution()) {
                    case NORMAL -> "normal";
                    case UNIFORM -> "uniform";
                };
                line("final double r" + d + " = " + Draws.class.getName() + "." + draw + "(k" + d + ", i);");
            }
            body();
            line("}");
            line("}");
            line("}");
            return out.toString();
        }

        private void body() {
            JavaExpr java = new JavaExpr(locals);
            Set<Integer> written = new TreeSet<>();
            int temps = 0;
            for (Assign a : program.body()) {
                String value = java.number(a.value());
                String local = locals.get(a.target());
                if (local == null) {
                    local = "l" + temps++;
                    line("double " + local + " = " + value + ";");
                    locals.put(a.target(), local);
                } else {
                    line(local + " = " + value + ";");
                }
                int k = layout.tensorNames.indexOf(a.target());
                if (k >= 0) {
                    written.add(k);
                }
            }
            for (int k : written) {
                String cast = tensors[k].dtype() == DType.FLOAT32 ? "(float) " : "";
                line("a" + k + "[o" + k + " + i] = " + cast + "v" + k + ";");
            }
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
}
