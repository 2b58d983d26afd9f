package org.brainj.backend.cpu.codegen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuTensor;

/** The Java source of one step class. */
final class KernelSource {
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
                case UNIFORM -> hasFloat32State() ? "uniformFloat" : "uniform";
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

    /** Whether a state tensor is float32, which makes uniforms float32's, as {@link org.brainj.api.program.RandomDraw} says. */
    private boolean hasFloat32State() {
        for (int k = 0; k < layout.stateCount; k++) {
            if (tensors[k].dtype() == DType.FLOAT32) {
                return true;
            }
        }
        return false;
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
