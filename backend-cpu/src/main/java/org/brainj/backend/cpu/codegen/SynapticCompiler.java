package org.brainj.backend.cpu.codegen;

import java.lang.reflect.InvocationTargetException;
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
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.backend.cpu.CpuTensor;

/**
 * Compiles a synaptic program into JVM bytecode with Janino, as {@link StepCompiler} does a step:
 * one loop over the synapses given, each reading its own, its pre-synaptic neuron's and its
 * post-synaptic neuron's values into locals, running the body in order and writing back what it
 * assigned before the next synapse runs (the program's serial semantics). Random draws are
 * Philox's at the synapse's index under the key {@code (seed, stream, step)}, as {@link Draws}
 * gives them to step kernels.
 */
public final class SynapticCompiler {
    private static final String CLASS_NAME = "org.brainj.backend.cpu.codegen.GeneratedSynaptic";

    /** How each tensor is indexed: by synapse, by the pre- or post-synaptic neuron, or not at all (0-d). */
    private enum Index { SYNAPSE, PRE, POST, SHARED }

    private final CpuBackend backend;

    public SynapticCompiler(CpuBackend backend) {
        this.backend = backend;
    }

    public SynapticKernel compile(SynapticProgram program, SynapticBindings bindings) {
        List<String> names = new ArrayList<>();
        List<Index> indexing = new ArrayList<>();
        add(names, indexing, program.synaptic(), Index.SYNAPSE);
        add(names, indexing, program.pre(), Index.PRE);
        add(names, indexing, program.post(), Index.POST);
        add(names, indexing, program.params(), Index.SHARED);
        CpuTensor preIndex = index(bindings.preIndex(), "pre-synaptic index");
        CpuTensor postIndex = index(bindings.postIndex(), "post-synaptic index");
        CpuTensor[] tensors = new CpuTensor[names.size()];
        for (int k = 0; k < tensors.length; k++) {
            tensors[k] = bind(names.get(k), bindings.tensors().get(names.get(k)), bindings);
            if (tensors[k].rank() == 0) {
                indexing.set(k, Index.SHARED);
            } else if (indexing.get(k) == Index.SHARED) {
                indexing.set(k, Index.SYNAPSE); // a parameter given per synapse
            }
            if (indexing.get(k) == Index.SYNAPSE && tensors[k].size() != preIndex.size()) {
                throw new BindingException("synaptic variable '" + names.get(k) + "' has " + tensors[k].size()
                        + " elements but there are " + preIndex.size() + " synapses; give one per synapse");
            }
        }
        String source = source(program, names, indexing, tensors);
        Class<?> kernel = KernelClasses.loadOnce("synaptic", CLASS_NAME, source, SynapticCompiler.class.getClassLoader());
        try {
            return (SynapticKernel) kernel.getConstructor(CpuTensor[].class, CpuTensor.class, CpuTensor.class, long.class)
                    .newInstance(tensors, preIndex, postIndex, bindings.seed());
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException e) {
            throw new IllegalStateException("the generated synaptic class cannot be instantiated", e);
        }
    }

    private static void add(List<String> names, List<Index> indexing, Set<String> set, Index index) {
        for (String name : new TreeSet<>(set)) {
            names.add(name);
            indexing.add(index);
        }
    }

    private CpuTensor index(Tensor t, String what) {
        if (!(t instanceof CpuTensor cpu) || t.backend() != backend || t.dtype() != DType.INT32 || t.rank() != 1) {
            throw new BindingException("the " + what + " must be a 1-d int32 tensor of this '" + backend.name()
                    + "' backend");
        }
        return cpu;
    }

    private CpuTensor bind(String name, Tensor t, SynapticBindings bindings) {
        if (t == null) {
            throw new BindingException("synaptic program variable '" + name + "' has no tensor in the bindings; bound: "
                    + new TreeSet<>(bindings.tensors().keySet()));
        }
        if (!(t instanceof CpuTensor cpu) || t.backend() != backend) {
            throw new BindingException("synaptic program variable '" + name + "' is a tensor of backend '"
                    + t.backend().name() + "', not of this '" + backend.name() + "' backend; transfer it");
        }
        if (!t.dtype().isFloat() || t.rank() > 1) {
            throw new BindingException("synaptic program variable '" + name + "' is " + t.dtype() + " of rank " + t.rank()
                    + "; synaptic programs compute on 0-d or 1-d float32 or float64 tensors");
        }
        return cpu;
    }

    private static String source(SynapticProgram program, List<String> names, List<Index> indexing, CpuTensor[] tensors) {
        StringBuilder out = new StringBuilder();
        String simple = CLASS_NAME.substring(CLASS_NAME.lastIndexOf('.') + 1);
        String tensor = CpuTensor.class.getName();
        out.append("package ").append(CLASS_NAME, 0, CLASS_NAME.lastIndexOf('.')).append(";\n")
                .append("public final class ").append(simple).append(" implements ")
                .append(SynapticKernel.class.getName()).append(" {\n")
                .append("private final ").append(tensor).append("[] tensors;\n")
                .append("private final int[] pre; private final int preOffset;\n")
                .append("private final int[] post; private final int postOffset;\n")
                .append("private final long seed;\n")
                .append("public ").append(simple).append("(").append(tensor).append("[] tensors, ").append(tensor)
                .append(" pre, ").append(tensor).append(" post, long seed) { this.tensors = tensors; this.seed = seed;")
                .append(" this.pre = (int[]) pre.data(); this.preOffset = pre.offset();")
                .append(" this.post = (int[]) post.data(); this.postOffset = post.offset(); }\n")
                .append("public void run(int[] synapses, int count, double t, double dt, long step) {\n");
        Map<String, String> locals = new HashMap<>();
        locals.put("t", "t");
        locals.put("dt", "dt");
        Set<String> assigned = program.body().stream().map(Assign::target).collect(Collectors.toSet());
        Set<String> invariant = new HashSet<>(Set.of("t", "dt"));
        for (int k = 0; k < tensors.length; k++) {
            String array = tensors[k].dtype() == DType.FLOAT32 ? "float[]" : "double[]";
            out.append("final ").append(array).append(" a").append(k).append(" = (").append(array).append(") tensors[")
                    .append(k).append("].data();\n");
            out.append("final int o").append(k).append(" = tensors[").append(k).append("].offset();\n");
            locals.put(names.get(k), "v" + k);
            if (readOnce(k, names, indexing, tensors, assigned)) {
                out.append("final double v").append(k).append(" = a").append(k).append("[o").append(k).append("];\n");
                invariant.add(names.get(k));
            }
        }
        // what reads only t, dt and those parameters (1 / tau, -dt / tau) is computed once per run,
        // as in step kernels: the same operations on the same values, so the same results
        Map<Expr, String> hoisted = new LinkedHashMap<>();
        List<Assign> body = new ArrayList<>();
        for (Assign a : program.body()) {
            body.add(new Assign(a.target(), KernelSource.hoist(a.value(), invariant, hoisted)));
        }
        JavaExpr constants = new JavaExpr(locals);
        for (Map.Entry<Expr, String> h : hoisted.entrySet()) {
            String local = "c" + h.getValue().substring(1);
            out.append("final double ").append(local).append(" = ").append(constants.number(h.getKey())).append(";\n");
            locals.put(h.getValue(), local);
        }
        String draws = Draws.class.getName();
        String key = org.brainj.api.random.RandomKey.class.getName();
        boolean float32 = false;
        for (int k = 0; k < tensors.length; k++) {
            float32 |= !program.params().contains(names.get(k)) && tensors[k].dtype() == DType.FLOAT32;
        }
        List<RandomDraw> noise = program.noise();
        for (int d = 0; d < noise.size(); d++) {
            out.append("final ").append(key).append(" k").append(d).append(" = ").append(draws).append(".key(seed, ")
                    .append(noise.get(d).stream()).append(", step);\n");
        }
        out.append("for (int n = 0; n < count; n++) {\n")
                .append("final int s = synapses == null ? n : synapses[n];\n")
                .append("final int i = pre[preOffset + s];\n")
                .append("final int j = post[postOffset + s];\n");
        for (int d = 0; d < noise.size(); d++) {
            String method = switch (noise.get(d).distribution()) {
                case NORMAL -> "normal";
                case UNIFORM -> float32 ? "uniformFloat" : "uniform";
                case UNIFORM_ON_DEMAND -> "uniform";
            };
            out.append("final double d").append(d).append(" = ").append(draws).append(".").append(method).append("(k")
                    .append(d).append(", s);\n");
            locals.put(noise.get(d).name(), "d" + d);
        }
        for (int k = 0; k < tensors.length; k++) {
            if (!invariant.contains(names.get(k))) {
                out.append("double v").append(k).append(" = a").append(k).append("[o").append(k)
                        .append(position(indexing.get(k))).append("];\n");
            }
        }
        JavaExpr java = new JavaExpr(locals);
        Set<Integer> written = new TreeSet<>();
        int temps = 0;
        for (Assign a : body) {
            String value = java.number(a.value());
            String local = locals.get(a.target());
            if (local == null) {
                local = "l" + temps++;
                out.append("double ").append(local).append(" = ").append(value).append(";\n");
                locals.put(a.target(), local);
            } else {
                out.append(local).append(" = ").append(value).append(";\n");
            }
            int k = names.indexOf(a.target());
            if (k >= 0) {
                written.add(k);
            }
        }
        for (int k : written) {
            String cast = tensors[k].dtype() == DType.FLOAT32 ? "(float) " : "";
            out.append("a").append(k).append("[o").append(k).append(position(indexing.get(k))).append("] = ").append(cast)
                    .append("v").append(k).append(";\n");
        }
        out.append("}\n}\n}\n");
        return out.toString();
    }

    /**
     * Whether tensor {@code k} is read once per run, before the loop: a 0-d value that the body
     * never assigns, in an array that nothing the body assigns shares (so no write in the loop can
     * change it).
     */
    private static boolean readOnce(int k, List<String> names, List<Index> indexing, CpuTensor[] tensors,
                                    Set<String> assigned) {
        if (indexing.get(k) != Index.SHARED || assigned.contains(names.get(k))) {
            return false;
        }
        for (int w = 0; w < tensors.length; w++) {
            if (assigned.contains(names.get(w)) && tensors[w].data() == tensors[k].data()) {
                return false;
            }
        }
        return true;
    }

    private static String position(Index index) {
        return switch (index) {
            case SYNAPSE -> " + s";
            case PRE -> " + i";
            case POST -> " + j";
            case SHARED -> "";
        };
    }
}
