package org.brainj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/** What synaptic kernels compute once per run instead of once per synapse, against the serial interpreter and by hand. */
class SynapticCompilerTest {
    private final CpuBackend cpu = new CpuBackend();

    /**
     * {@code 1 - dt / tau} and {@code dA / tau} read only time and parameters, so the kernel
     * computes them once per run: the same operations on the same values, so the interpreter's
     * bits, synapse by synapse.
     */
    @Test
    void invariantSubexpressionsGiveTheInterpretersBits() {
        Assign update = new Assign("w", ExpressionParser.parse("w * (1 - dt / tau) + dA / tau * x_pre"));
        SynapticProgram program = new SynapticProgram(List.of(update), Set.of("w"), Set.of("x_pre"), Set.of(),
                Set.of("tau", "dA"));
        double[] w = {0.1, 0.7, -0.3, 1.9};
        double[] x = {0.25, -1.5, 3};
        int[] pre = {2, 0, 2, 1};
        Map<String, Tensor> bound = new HashMap<>();
        bound.put("w", cpu.asTensor(w));
        bound.put("x_pre", cpu.asTensor(x));
        bound.put("tau", cpu.full(DType.FLOAT64, 7.3));
        bound.put("dA", cpu.full(DType.FLOAT64, 0.013));
        new SynapticCompiler(cpu).compile(program, new SynapticBindings(bound, cpu.asTensor(pre), cpu.asTensor(new int[4])))
                .run(null, 4, 1.5, 0.1, 15);
        double[] expected = new double[4];
        for (int s = 0; s < 4; s++) {
            expected[s] = Interpreter.eval(update.value(),
                    Map.of("w", w[s], "x_pre", x[pre[s]], "tau", 7.3, "dA", 0.013, "t", 1.5, "dt", 0.1));
        }
        assertArrayEquals(expected, bound.get("w").toDoubleArray());
    }

    /**
     * A parameter whose array the body writes (here a 0-d view of w[0]) is read again for every
     * synapse, as the serial semantics say: w = w + p over w = (1, 2, 3) gives 2, then 2 + 2, then
     * 3 + 2; read once it would give 2, 3, 4.
     */
    @Test
    void aParameterInAWrittenArrayIsReadForEachSynapse() {
        SynapticProgram program = new SynapticProgram(List.of(new Assign("w", ExpressionParser.parse("w + p"))),
                Set.of("w"), Set.of(), Set.of(), Set.of("p"));
        Tensor w = cpu.asTensor(new double[] {1, 2, 3});
        Tensor p = cpu.reshape(cpu.slice(w, 0, 1));
        assertEquals(0, p.rank());
        new SynapticCompiler(cpu).compile(program, new SynapticBindings(Map.of("w", w, "p", p),
                cpu.asTensor(new int[3]), cpu.asTensor(new int[3]))).run(null, 3, 0, 0.1, 0);
        assertArrayEquals(new double[] {2, 4, 5}, w.toDoubleArray());
    }
}
