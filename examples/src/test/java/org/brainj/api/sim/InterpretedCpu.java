package org.brainj.api.sim;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;

/** TEMPORARY: the CPU backend with step programs interpreted, until the step compiler lands. */
final class InterpretedCpu {
    static Backend create() {
        CpuBackend cpu = new CpuBackend();
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("compile")) {
                        return kernel(cpu, (StepProgram) args[0], (Bindings) args[1]);
                    }
                    try {
                        return m.invoke(cpu, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Kernel kernel(CpuBackend cpu, StepProgram p, Bindings b) {
        return (t, dt, step) -> {
            Map<String, double[]> data = new HashMap<>();
            b.tensors().forEach((k, v) -> data.put(k, v.toDoubleArray()));
            int n = p.state().stream().mapToInt(s -> b.tensors().get(s).size()).max().orElse(0);
            Map<String, double[]> out = new HashMap<>();
            for (String s : p.state()) {
                out.put(s, data.get(s).clone());
            }
            for (int i = 0; i < n; i++) {
                Map<String, Double> env = new HashMap<>();
                final int ii = i;
                data.forEach((k, v) -> env.put(k, v.length == 1 ? v[0] : v[ii]));
                env.put("t", t);
                env.put("dt", dt);
                for (Assign a : p.body()) {
                    double val = Interpreter.eval(a.value(), env);
                    env.put(a.target(), val);
                    if (p.state().contains(a.target())) {
                        out.get(a.target())[i] = val;
                    }
                }
            }
            out.forEach((k, v) -> {
                Tensor target = b.tensors().get(k);
                cpu.copy(cpu.astype(cpu.asTensor(v), target.dtype(), null), target);
            });
        };
    }

    private InterpretedCpu() {
    }
}
