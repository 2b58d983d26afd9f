package org.brainj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.integrate.StepPrograms;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.RandomDraw.Distribution;
import org.brainj.api.program.StepProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.random.UniformBatch;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.backend.cpu.CpuTensor;
import org.brainj.backend.cpu.StepThreads;
import org.junit.jupiter.api.Test;

class StepCompilerTest {
    private final CpuBackend cpu = new CpuBackend();

    /** Right-hand sides over state x, y, per-element p, 0-d q, t and dt: every node kind and function. */
    private static final String[] EXPRESSIONS = {
        "x + y*p - q/(1 + x^2)", "-x^3 + exp(-y) - log(1 + x^2) + log10(2 + y^2) + sqrt(abs(x))",
        "sin(x)*cos(y) + tan(x/4) - tanh(y) + sinh(x/3) - cosh(y/3) + sigmoid(x - y)",
        "floor(3*x) + ceil(2*y) + min(x, y) - max(p, q)", "where(x > y, x - y, (y < 0.5) + (x >= p))",
        "where(x > 0 and not (y <= 0) or p == q, t + dt, x != y)", "x*dt + t", "2^x - (-1.5)*y",
    };

    private static Assign assign(String target, String value) {
        return new Assign(target, ExpressionParser.parse(value));
    }

    @Test
    void kernelsAgreeWithTheInterpreter() {
        int n = 257;
        Random random = new Random(5);
        for (String text : EXPRESSIONS) {
            double[] x = randoms(random, n);
            double[] y = randoms(random, n);
            double[] p = randoms(random, n);
            double q = 0.3;
            Expr e = ExpressionParser.parse(text);
            // x <- e, then y <- y + x (reading the new x, as the body is sequential)
            StepProgram program = new StepProgram(List.of(new Assign("x", e), assign("y", "y + x")),
                    Set.of("x", "y"), Set.of("p", "q"), List.of());
            Map<String, Tensor> tensors = Map.of("x", cpu.asTensor(x, n), "y", cpu.asTensor(y, n),
                    "p", cpu.asTensor(p, n), "q", cpu.full(DType.FLOAT64, q));
            cpu.compile(program, new Bindings(tensors, 1)).run(0.25, 0.01, 0);

            Map<String, double[]> env = Map.of("x", x, "y", y, "p", p, "q", new double[] {q},
                    "t", new double[] {0.25}, "dt", new double[] {0.01});
            double[] newX = Interpreter.eval(e, env, n);
            double[] newY = new double[n];
            for (int i = 0; i < n; i++) {
                newY[i] = y[i] + newX[i];
            }
            assertArrayEquals(newX, tensors.get("x").toDoubleArray(), 0, text);
            assertArrayEquals(newY, tensors.get("y").toDoubleArray(), 0, text);
        }
    }

    @Test
    void float32StateIsComputedInDoubleAndStoredAsFloat() {
        float[] v = {-70f, -60.5f, -50.25f};
        CpuTensor state = cpu.asTensor(v, 3);
        StepProgram program = new StepProgram(List.of(assign("V", "V + dt*(-(V - E)/tau)")), Set.of("V"),
                Set.of("E", "tau"), List.of());
        cpu.compile(program, new Bindings(Map.of("V", state, "E", cpu.full(DType.FLOAT32, -65),
                "tau", cpu.full(DType.FLOAT64, 10)), 0)).run(0, 0.1, 0);
        float[] expected = new float[3];
        for (int i = 0; i < 3; i++) {
            expected[i] = (float) (v[i] + 0.1 * (-((double) v[i] + 65) / 10)); // plain Java, in double
        }
        assertArrayEquals(expected, state.toFloatArray());
    }

    @Test
    void sharedAndPerElementParametersGiveTheSameNumbers() {
        StepProgram lif = new StepProgram(List.of(
                assign("V", "V + dt*(-(V - V_rest) + R*I)/tau"),
                assign("spike", "V > V_th"),
                assign("V", "where(spike, V_reset, V)")),
                Set.of("V"), Set.of("V_rest", "R", "I", "tau", "V_th", "V_reset"), List.of());
        int n = 5;
        double[] v0 = {-65, -60, -52, -50.1, -49};
        Map<String, Tensor> shared = new HashMap<>(Map.of("V", cpu.asTensor(v0, n), "V_rest", cpu.full(DType.FLOAT64, -65),
                "R", cpu.full(DType.FLOAT64, 1), "I", cpu.asTensor(new double[] {0, 5, 10, 20, 30}, n),
                "tau", cpu.full(DType.FLOAT64, 10), "V_th", cpu.full(DType.FLOAT64, -50),
                "V_reset", cpu.full(DType.FLOAT64, -68)));
        Map<String, Tensor> perElement = new HashMap<>(shared);
        perElement.put("V", cpu.asTensor(v0, n));
        perElement.put("tau", cpu.full(DType.FLOAT64, 10, n));
        perElement.put("V_rest", cpu.full(DType.FLOAT64, -65, n));
        cpu.compile(lif, new Bindings(shared, 0)).run(0, 0.5, 0);
        cpu.compile(lif, new Bindings(perElement, 0)).run(0, 0.5, 0);
        double[] expected = new double[n];
        double[] input = {0, 5, 10, 20, 30};
        for (int i = 0; i < n; i++) {
            double v = v0[i] + 0.5 * (-(v0[i] + 65) + input[i]) / 10; // Euler step of the LIF, by hand
            expected[i] = v > -50 ? -68 : v;
        }
        assertArrayEquals(expected, shared.get("V").toDoubleArray(), 1e-12);
        assertArrayEquals(expected, perElement.get("V").toDoubleArray(), 1e-12);
        assertEquals(-68, expected[4]); // the last neuron fired and was reset
    }

    @Test
    void writingAParameterChangesTheNextRunWithoutRecompiling() {
        CpuTensor x = cpu.asTensor(new double[] {1, 2}, 2);
        CpuTensor a = cpu.full(DType.FLOAT64, 2);
        Kernel k = cpu.compile(new StepProgram(List.of(assign("x", "a*x")), Set.of("x"), Set.of("a"), List.of()),
                new Bindings(Map.of("x", x, "a", a), 0));
        k.run(0, 1, 0);
        assertArrayEquals(new double[] {2, 4}, x.toDoubleArray(), 0);
        ((double[]) a.data())[a.offset()] = 10;
        k.run(0, 1, 1);
        assertArrayEquals(new double[] {20, 40}, x.toDoubleArray(), 0);
    }

    @Test
    void sameProgramReusesItsCompiledClass() {
        StepProgram p = new StepProgram(List.of(assign("x", "x + 1")), Set.of("x"), Set.of(), List.of());
        Kernel k1 = cpu.compile(p, new Bindings(Map.of("x", cpu.full(DType.FLOAT64, 0, 3)), 0));
        Kernel k2 = cpu.compile(p, new Bindings(Map.of("x", cpu.full(DType.FLOAT64, 0, 4)), 0));
        assertSame(((SplitKernel) k1).range().getClass(), ((SplitKernel) k2).range().getClass());
    }

    @Test
    void noiseDrawsArePhiloxPerElement() {
        int n = 100;
        long seed = 1234;
        CpuTensor x = cpu.full(DType.FLOAT64, 0, n);
        CpuTensor u = cpu.full(DType.FLOAT32, 0, n);
        StepProgram p = new StepProgram(List.of(assign("x", "x + xi"), assign("u", "r")), Set.of("x", "u"), Set.of(),
                List.of(new RandomDraw("xi", Distribution.NORMAL, 3), new RandomDraw("r", Distribution.UNIFORM, 4)));
        Kernel k = cpu.compile(p, new Bindings(Map.of("x", x, "u", u), seed));
        k.run(0, 0.1, 7);
        k.run(0, 0.1, 8);
        double[] xs = x.toDoubleArray();
        float[] us = u.toFloatArray();
        for (int i = 0; i < n; i++) {
            double expected = Philox.normal(new RandomKey(seed, 3, 7), i) + Philox.normal(new RandomKey(seed, 3, 8), i);
            assertEquals(expected, xs[i], 0);
            // u is float32 state, so the program's uniforms are Philox's float32 ones
            assertEquals(Philox.uniformFloat(new RandomKey(seed, 4, 8), i), us[i]);
        }
    }

    /**
     * Uniforms come in batches of UniformBatch.SIZE from the range's first element: over several
     * batches and a short tail, and over ranges starting anywhere (as a thread's part does), each
     * element still gets Philox's uniform of its own index, next to a normal drawn element by element.
     */
    @Test
    void batchedUniformsArePhiloxPerElementOverAnyRange() {
        int n = 3 * UniformBatch.SIZE + 57;
        long seed = -99;
        CpuTensor x = cpu.full(DType.FLOAT64, 0, n);
        CpuTensor y = cpu.full(DType.FLOAT64, 0, n);
        CpuTensor z = cpu.full(DType.FLOAT64, 0, n);
        StepProgram p = new StepProgram(List.of(assign("x", "a"), assign("y", "b"), assign("z", "xi")),
                Set.of("x", "y", "z"), Set.of(), List.of(new RandomDraw("a", Distribution.UNIFORM, 5),
                        new RandomDraw("xi", Distribution.NORMAL, 6), new RandomDraw("b", Distribution.UNIFORM, 7)));
        ElementRange range = ((SplitKernel) cpu.compile(p, new Bindings(Map.of("x", x, "y", y, "z", z), seed))).range();
        int[][] parts = {{0, n}, {3, 700}, {UniformBatch.SIZE - 1, UniformBatch.SIZE + 1}, {n - 1, n}, {10, 10}};
        for (int step = 0; step < parts.length; step++) {
            range.run(0, 0.1, step, parts[step][0], parts[step][1], null, 0);
            double[] xs = x.toDoubleArray();
            double[] ys = y.toDoubleArray();
            double[] zs = z.toDoubleArray();
            for (int i = parts[step][0]; i < parts[step][1]; i++) {
                assertEquals(Philox.uniform(new RandomKey(seed, 5, step), i), xs[i], 0, "element " + i + ", step " + step);
                assertEquals(Philox.uniform(new RandomKey(seed, 7, step), i), ys[i], 0, "element " + i + ", step " + step);
                assertEquals(Philox.normal(new RandomKey(seed, 6, step), i), zs[i], 0, "element " + i + ", step " + step);
            }
        }
    }

    @Test
    void uniformsInFloat32StateNeverRoundUpToOne() {
        // seed 2472697, stream 0, step 0, element 1: Philox's double uniform is 0.99999997..., which rounds to 1.0f
        RandomKey edge = new RandomKey(2472697, 0, 0);
        assertEquals(1.0f, (float) Philox.uniform(edge, 1));
        StepProgram p = new StepProgram(List.of(assign("u", "r")), Set.of("u"), Set.of(),
                List.of(new RandomDraw("r", Distribution.UNIFORM, 0)));
        CpuTensor u = cpu.full(DType.FLOAT32, 0, 4);
        cpu.compile(p, new Bindings(Map.of("u", u), 2472697)).run(0, 1, 0);
        CpuTensor sameByTheOp = cpu.uniform(edge, 0, 1, cpu.full(DType.FLOAT32, 0, 4));
        float[] us = u.toFloatArray();
        assertTrue(us[1] < 1.0f, "stored " + us[1]);
        assertArrayEquals(sameByTheOp.toFloatArray(), us); // what the backend's uniform gives a float32 tensor
        // a float64 program keeps Philox's 53-bit uniform
        CpuTensor wide = cpu.full(DType.FLOAT64, 0, 4);
        cpu.compile(p, new Bindings(Map.of("u", wide), 2472697)).run(0, 1, 0);
        assertEquals(Philox.uniform(edge, 1), wide.toDoubleArray()[1], 0);
    }

    @Test
    void unitNamesInEquationTextReachTheKernelAsNumbers() {
        Equations lif = Equations.parse("dV/dt = (-(V - El) + 10*mV) / (20*ms) : volt")
                .checkUnits(Map.of("El", PhysicalUnits.parse("mV")));
        StepProgram euler = StepPrograms.ode(DifferentialSystem.of(lif), "euler");
        double[] v0 = {-70, -60, -50};
        CpuTensor v = cpu.asTensor(v0, 3);
        cpu.compile(euler, new Bindings(Map.of("V", v, "El", cpu.full(DType.FLOAT64, -65.0)), 0)).run(0, 0.1, 0);
        for (int i = 0; i < 3; i++) {
            // one Euler step by hand, in ms and mV as the runtime computes: 10*mV = 10, 20*ms = 20
            assertEquals(v0[i] + 0.1 * (-(v0[i] + 65) + 10) / 20, v.toDoubleArray()[i], 1e-12);
        }
    }

    @Test
    void largePopulationsSplitWithoutChangingResults() {
        int n = 3 * (1 << 16) + 17;
        double[] x0 = randoms(new Random(3), n);
        CpuTensor x = cpu.asTensor(x0, n);
        cpu.compile(new StepProgram(List.of(assign("x", "x*0.5 + xi")), Set.of("x"), Set.of(),
                List.of(new RandomDraw("xi", Distribution.NORMAL, 0))), new Bindings(Map.of("x", x), 9)).run(0, 1, 2);
        double[] xs = x.toDoubleArray();
        for (int i = 0; i < n; i++) {
            assertEquals(x0[i] * 0.5 + Philox.normal(new RandomKey(9, 0, 2), i), xs[i], 0);
        }
    }

    @Test
    void chunksListTheirEventsAsOneAscendingList() {
        int n = 20 * SplitKernel.MIN_CHUNK + 17;
        double[] x0 = randoms(new Random(4), n);
        StepProgram p = new StepProgram(List.of(assign("x", "x + 0.25"), assign("spike", "where(x > 0.5, 1, 0)")),
                Set.of("x", "spike"), Set.of(), List.of(), "spike");
        CpuTensor whole = cpu.full(DType.INT32, 0, n + 1);
        cpu.compile(p, new Bindings(Map.of("x", cpu.asTensor(x0.clone(), n), "spike", cpu.zeros(DType.FLOAT64, n)), 0,
                List.of(whole))).run(0, 1, 0);
        // three chunks on however many cores, each split whatever its work
        CpuBackend threes = new CpuBackend(new StepThreads(3, 0));
        CpuTensor split = threes.full(DType.INT32, 0, n + 1);
        Kernel splitting = threes.compile(p, new Bindings(Map.of("x", threes.asTensor(x0.clone(), n), "spike",
                threes.zeros(DType.FLOAT64, n)), 0, List.of(split)));
        assertTrue(((SplitKernel) splitting).splits());
        splitting.run(0, 1, 0);
        int[] expected = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (x0[i] + 0.25 > 0.5) {
                expected[1 + expected[0]++] = i;
            }
        }
        int[] w = whole.toIntArray();
        int[] s = split.toIntArray();
        assertTrue(expected[0] > 1000, "enough events in several chunks: " + expected[0]);
        assertArrayEquals(Arrays.copyOf(expected, expected[0] + 1), Arrays.copyOf(w, w[0] + 1));
        assertArrayEquals(Arrays.copyOf(expected, expected[0] + 1), Arrays.copyOf(s, s[0] + 1));
    }

    @Test
    void viewsAndMatricesAreIndexedRowMajorFromTheirOffset() {
        CpuTensor whole = cpu.asTensor(new double[] {0, 1, 2, 3, 4, 5, 6, 7}, 8);
        Tensor rows = whole.slice(2, 6).reshape(2, 2); // elements 2..5 as a 2x2 population
        CpuTensor gain = cpu.asTensor(new double[] {10, 20, 30, 40}, 2, 2);
        cpu.compile(new StepProgram(List.of(assign("x", "x*g")), Set.of("x"), Set.of("g"), List.of()),
                new Bindings(Map.of("x", rows, "g", gain), 0)).run(0, 1, 0);
        assertArrayEquals(new double[] {0, 1, 20, 60, 120, 200, 6, 7}, whole.toDoubleArray(), 0);
    }

    @Test
    void badBindingsNameTheVariable() {
        StepProgram p = new StepProgram(List.of(assign("V", "V + I")), Set.of("V"), Set.of("I"), List.of());
        CpuTensor v = cpu.full(DType.FLOAT64, 0, 4);
        BindingException e = assertThrows(BindingException.class, () -> cpu.compile(p, new Bindings(Map.of("V", v), 0)));
        assertTrue(e.getMessage().contains("'I'"), e.getMessage());
        e = assertThrows(BindingException.class,
                () -> cpu.compile(p, new Bindings(Map.of("V", v, "I", cpu.full(DType.FLOAT64, 0, 5)), 0)));
        assertTrue(e.getMessage().contains("'I'") && e.getMessage().contains("(5,)"), e.getMessage());
        e = assertThrows(BindingException.class,
                () -> cpu.compile(p, new Bindings(Map.of("V", v, "I", cpu.full(DType.INT32, 0, 4)), 0)));
        assertTrue(e.getMessage().contains("'I'") && e.getMessage().contains("int32"), e.getMessage());
        e = assertThrows(BindingException.class,
                () -> cpu.compile(p, new Bindings(Map.of("V", v, "I", new CpuBackend().full(DType.FLOAT64, 0, 4)), 0)));
        assertTrue(e.getMessage().contains("'I'"), e.getMessage());
        e = assertThrows(BindingException.class, () -> cpu.compile(
                new StepProgram(List.of(assign("V", "V + J")), Set.of("V"), Set.of(), List.of()),
                new Bindings(Map.of("V", v), 0)));
        assertTrue(e.getMessage().contains("'J'"), e.getMessage());
        e = assertThrows(BindingException.class, () -> cpu.compile(
                new StepProgram(List.of(assign("I", "V")), Set.of("V"), Set.of("I"), List.of()),
                new Bindings(Map.of("V", v, "I", v), 0)));
        assertTrue(e.getMessage().contains("parameter 'I'"), e.getMessage());
    }

    /**
     * exact and exponential_euler write the propagator exp(-dt/tau) and phi1 through temporaries:
     * with tau shared by the group they are computed once per run, before the loop (no exp or log
     * is left per element), and the kernel still gives the interpreter's numbers bit for bit,
     * including the closed form v e^(-dt/tau) + b tau (1 - e^(-dt/tau)) to rounding.
     */
    @Test
    void propagatorsThroughTemporariesAreComputedOncePerRun() {
        for (String method : List.of("exact", "exponential_euler")) {
            StepProgram program = StepPrograms.ode(DifferentialSystem.ode(
                    Map.of("v", ExpressionParser.parse("-v * (1 / tau) + b"))), method);
            int n = 33;
            double[] v0 = randoms(new Random(3), n);
            double[] b = randoms(new Random(4), n);
            Map<String, Tensor> tensors = Map.of("v", cpu.asTensor(v0, n), "b", cpu.asTensor(b, n),
                    "tau", cpu.full(DType.FLOAT64, 7));
            cpu.compile(program, new Bindings(tensors, 1)).run(0, 0.1, 0);

            Map<String, double[]> env = new HashMap<>(Map.of("v", v0, "b", b, "tau", new double[] {7},
                    "t", new double[] {0}, "dt", new double[] {0.1}));
            for (Assign a : program.body()) {
                env.put(a.target(), Interpreter.eval(a.value(), env, n));
            }
            assertArrayEquals(env.get("v"), tensors.get("v").toDoubleArray(), 0, method);
            double decay = Math.exp(-0.1 / 7);
            for (int i = 0; i < n; i++) {
                assertEquals(v0[i] * decay + b[i] * 7 * (1 - decay), tensors.get("v").toDoubleArray()[i], 1e-14, method);
            }

            Layout layout = new Layout(program);
            CpuTensor[] bound = layout.tensorNames.stream().map(x -> (CpuTensor) tensors.get(x)).toArray(CpuTensor[]::new);
            String source = new KernelSource(program, layout, bound, false).text("p.K");
            String loop = source.substring(source.indexOf("for (;"));
            assertTrue(source.contains("Math.exp") && !loop.contains("Math.exp") && !loop.contains("Math.log"),
                    method + ": the propagator is computed in the loop:\n" + source);
        }
    }

    /**
     * A threshold step as the runtime writes it (flags held as 0/1 numbers, the last spike's time
     * kept where no spike): the kernel computes what the interpreter computes and lists the same
     * events, while it holds the flags as booleans, writes the last spike's time only where a
     * neuron spiked and never reads the old spike flag.
     */
    @Test
    void flagsAreBooleansAndKeptValuesAreWrittenOnlyWhereTheyChange() {
        StepProgram program = new StepProgram(List.of(assign("free", "where(t - last >= 0.5, 1, 0)"),
                assign("v", "where(free > 0.5, v + 0.5 * p, v)"), assign("s", "where(v > th and free > 0.5, 1, 0)"),
                assign("v", "where(s > 0.5, -1, v)"), assign("spike", "s"), assign("last", "where(s > 0.5, t, last)")),
                Set.of("v", "last", "spike"), Set.of("p", "th"), List.of(), "spike");
        int n = 301;
        Random random = new Random(11);
        double[] v = randoms(random, n);
        double[] p = randoms(random, n);
        double[] last = new double[n];
        for (int i = 0; i < n; i++) {
            last[i] = random.nextBoolean() ? 0.75 : -1;
        }
        double[] oldSpike = new double[n];
        Arrays.fill(oldSpike, 7);
        Map<String, Tensor> tensors = Map.of("v", cpu.asTensor(v, n), "last", cpu.asTensor(last, n),
                "spike", cpu.asTensor(oldSpike, n), "p", cpu.asTensor(p, n), "th", cpu.full(DType.FLOAT64, 0.2));
        CpuTensor events = cpu.full(DType.INT32, 0, n + 1);
        cpu.compile(program, new Bindings(tensors, 1, List.of(events))).run(1, 0.1, 0);

        Map<String, double[]> env = new HashMap<>(Map.of("v", v, "last", last, "spike", oldSpike, "p", p,
                "th", new double[] {0.2}, "t", new double[] {1}, "dt", new double[] {0.1}));
        for (Assign a : program.body()) {
            env.put(a.target(), Interpreter.eval(a.value(), env, n));
        }
        for (String x : List.of("v", "last", "spike")) {
            assertArrayEquals(env.get(x), tensors.get(x).toDoubleArray(), 0, x);
        }
        int[] expected = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (env.get("spike")[i] == 1) {
                expected[1 + expected[0]++] = i;
            }
        }
        assertTrue(expected[0] > 10 && expected[0] < n - 10, "some spike, some not: " + expected[0]);
        assertArrayEquals(Arrays.copyOf(expected, expected[0] + 1), Arrays.copyOf(events.toIntArray(), expected[0] + 1));

        Layout layout = new Layout(program);
        CpuTensor[] bound = layout.tensorNames.stream().map(x -> (CpuTensor) tensors.get(x)).toArray(CpuTensor[]::new);
        String source = new KernelSource(program, layout, bound, false).text("p.K");
        int spike = layout.tensorNames.indexOf("spike");
        int kept = layout.tensorNames.indexOf("last");
        assertTrue(source.contains("final boolean") && !source.contains("> 0.5"), "flags as booleans:\n" + source);
        assertTrue(!source.contains("= " + KernelSource.element(spike, bound[spike])), "the old spike flag is read:\n" + source);
        assertTrue(source.contains("; " + KernelSource.element(kept, bound[kept]) + " = v" + kept + "; }"),
                "the last spike's time is written everywhere:\n" + source);
    }

    /**
     * COBA's shape: the membrane reads the old conductances, each of which decays on its own. Those
     * decays run in loops of their own after the main one (which selects and lists events), and the
     * kernel still computes the interpreter's numbers and events to the bit, on one thread and split
     * in chunks. An update whose new value (u) or temporary (hn) another statement reads, or that
     * reads another state variable (y reads ge), stays in the main loop.
     */
    @Test
    void selfContainedUpdatesRunInLoopsOfTheirOwnWithTheSameNumbers() {
        StepProgram program = new StepProgram(List.of(assign("free", "where(t - last >= 0.5, 1, 0)"),
                assign("dv", "ge * (1 - v) + gi * (-1 - v) - v"), assign("vn", "v + dt * dv"),
                assign("z", "(-ge) * p"), assign("gen", "ge + dt * z"), assign("gin", "gi + dt * (-gi / q)"),
                assign("u", "u * 0.5"), assign("hn", "h * 0.25"), assign("yn", "y + ge"), assign("w", "u + hn + 1"),
                assign("vr", "where(free > 0.5, vn, v)"), assign("s", "where(vr > w and free > 0.5, 1, 0)"),
                assign("v", "where(s > 0.5, -1, vr)"), assign("ge", "gen"), assign("gi", "gin"), assign("h", "hn"),
                assign("y", "yn"), assign("spike", "s"), assign("last", "where(s > 0.5, t, last)")),
                Set.of("v", "ge", "gi", "u", "h", "y", "last", "spike"), Set.of("p", "q"), List.of(), "spike");
        int n = 3 * SplitKernel.MIN_CHUNK + 77;
        Random random = new Random(13);
        Map<String, double[]> initial = new HashMap<>();
        for (String x : List.of("v", "ge", "gi", "u", "h", "y", "p")) {
            initial.put(x, randoms(random, n));
        }
        double[] last = new double[n];
        for (int i = 0; i < n; i++) {
            last[i] = random.nextBoolean() ? 0.75 : -1;
        }
        initial.put("last", last);
        initial.put("spike", new double[n]);

        Map<String, double[]> env = new HashMap<>(initial);
        env.putAll(Map.of("q", new double[] {3}, "t", new double[] {1}, "dt", new double[] {0.1}));
        for (Assign a : program.body()) {
            env.put(a.target(), Interpreter.eval(a.value(), env, n));
        }
        int[] expected = new int[n + 1];
        for (int i = 0; i < n; i++) {
            if (env.get("spike")[i] == 1) {
                expected[1 + expected[0]++] = i;
            }
        }
        assertTrue(expected[0] > 10 && expected[0] < n - 10, "some spike, some not: " + expected[0]);
        for (CpuBackend backend : List.of(cpu, new CpuBackend(new StepThreads(3, 0)))) {
            Map<String, Tensor> tensors = new HashMap<>();
            initial.forEach((x, values) -> tensors.put(x, backend.asTensor(values, n)));
            tensors.put("q", backend.full(DType.FLOAT64, 3));
            CpuTensor events = backend.full(DType.INT32, 0, n + 1);
            backend.compile(program, new Bindings(tensors, 1, List.of(events))).run(1, 0.1, 0);
            for (String x : program.state()) {
                assertArrayEquals(env.get(x), tensors.get(x).toDoubleArray(), 0, x);
            }
            assertArrayEquals(Arrays.copyOf(expected, expected[0] + 1), Arrays.copyOf(events.toIntArray(), expected[0] + 1));
        }

        Map<String, Tensor> tensors = new HashMap<>();
        initial.forEach((x, values) -> tensors.put(x, cpu.asTensor(values, n)));
        tensors.put("q", cpu.full(DType.FLOAT64, 3));
        Layout layout = new Layout(program);
        CpuTensor[] bound = layout.tensorNames.stream().map(x -> (CpuTensor) tensors.get(x)).toArray(CpuTensor[]::new);
        String source = new KernelSource(program, layout, bound, false).text("p.K");
        String[] loops = source.split("for \\(", -1);
        assertEquals(4, loops.length, "the main loop and one loop each for ge and gi:\n" + source);
        for (String x : List.of("ge", "gi")) {
            int k = layout.tensorNames.indexOf(x);
            String element = KernelSource.element(k, bound[k]);
            assertTrue(!loops[1].contains(element + " =") && loops[1].contains("= " + element),
                    x + " is read, not written, in the main loop:\n" + source);
        }
        for (String x : List.of("u", "h", "y")) {
            int k = layout.tensorNames.indexOf(x);
            assertTrue(loops[1].contains(KernelSource.element(k, bound[k]) + " ="), x + " is updated in the main loop:\n" + source);
        }
    }

    /**
     * With {@code jdk.incubator.vector} there (surefire adds it), a program of arithmetic,
     * comparisons, selects, sqrt and abs runs in lanes and gives the interpreter's numbers to the
     * bit, signed zeros, infinities and NaN included, over whole vectors and the remainder; a
     * program with exp or a random draw stays scalar.
     */
    @Test
    void arithmeticRunsInLanesWithTheInterpretersBits() {
        assumeTrue(StepCompiler.vectorApi(), "jdk.incubator.vector is not in the boot layer");
        StepProgram program = new StepProgram(List.of(assign("r", "sqrt(abs(x)) / x"),
                assign("y", "where(x != x or x > 1e300, -0.0, r * (x - y) + -x)"),
                assign("on", "where(y >= 0 and not (x < -1), 1, 0)"), assign("x", "where(on > 0.5, x / 0.0, -y)")),
                Set.of("x", "y"), Set.of(), List.of(), "x");
        int n = 8 * 37 + 5;
        Random random = new Random(12);
        double[] x = randoms(random, n);
        double[] y = randoms(random, n);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, 1e301};
        System.arraycopy(special, 0, x, 3, special.length);
        System.arraycopy(special, 0, y, 40, special.length);
        Map<String, Tensor> tensors = Map.of("x", cpu.asTensor(x, n), "y", cpu.asTensor(y, n));
        CpuTensor events = cpu.full(DType.INT32, 0, n + 1);
        new StepCompiler(cpu, Boolean.TRUE).compile(program, new Bindings(tensors, 1, List.of(events))).run(0, 0.1, 0);
        Map<String, double[]> env = new HashMap<>(Map.of("x", x, "y", y, "t", new double[] {0}, "dt", new double[] {0.1}));
        for (Assign a : program.body()) {
            env.put(a.target(), Interpreter.eval(a.value(), env, n));
        }
        int listed = 0;
        for (String v : List.of("x", "y")) {
            double[] got = tensors.get(v).toDoubleArray();
            for (int i = 0; i < n; i++) {
                assertEquals(Double.doubleToRawLongBits(env.get(v)[i]), Double.doubleToRawLongBits(got[i]),
                        v + "[" + i + "]: " + env.get(v)[i] + " against " + got[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (env.get("x")[i] != 0) {
                assertEquals(i, events.toIntArray()[1 + listed++]);
            }
        }
        assertEquals(listed, events.toIntArray()[0]);

        Layout layout = new Layout(program);
        CpuTensor[] bound = layout.tensorNames.stream().map(v -> (CpuTensor) tensors.get(v)).toArray(CpuTensor[]::new);
        assertTrue(new KernelSource(program, layout, bound, true).text("p.K").contains("DoubleVector.fromArray"));
        StepProgram withExp = new StepProgram(List.of(assign("x", "exp(x)")), Set.of("x"), Set.of(), List.of());
        StepProgram withDraw = new StepProgram(List.of(assign("x", "x + u")), Set.of("x"), Set.of(),
                List.of(new RandomDraw("u", Distribution.UNIFORM, 0)));
        for (StepProgram scalar : List.of(withExp, withDraw)) {
            assertTrue(!new KernelSource(scalar, new Layout(scalar), new CpuTensor[] {cpu.asTensor(x, n)}, true)
                    .text("p.K").contains("DoubleVector"), "scalar: " + scalar.body());
        }
    }

    /**
     * Lanes split in chunks whose bounds are no multiples of the vector length (three threads
     * over 20,497 elements) give the numbers and the event list of scalar code on one thread.
     */
    @Test
    void lanesInChunksGiveWhatScalarCodeOnOneThreadGives() {
        assumeTrue(StepCompiler.vectorApi(), "jdk.incubator.vector is not in the boot layer");
        StepProgram program = new StepProgram(List.of(assign("free", "where(t - last >= 0.5, 1, 0)"),
                assign("v", "where(free > 0.5, v * 0.9 + p, v)"), assign("s", "where(v > 0.3 and free > 0.5, 1, 0)"),
                assign("v", "where(s > 0.5, -1, v)"), assign("spike", "s"), assign("last", "where(s > 0.5, t, last)")),
                Set.of("v", "last", "spike"), Set.of("p"), List.of(), "spike");
        int n = 20 * SplitKernel.MIN_CHUNK + 17;
        Random random = new Random(13);
        double[] v = randoms(random, n);
        double[] p = randoms(random, n);
        double[][] results = new double[2][];
        int[][] lists = new int[2][];
        CpuBackend[] backends = {new CpuBackend(1), new CpuBackend(new StepThreads(3, 0))};
        for (int b = 0; b < 2; b++) {
            CpuBackend backend = backends[b];
            Map<String, Tensor> tensors = Map.of("v", backend.asTensor(v, n), "last", backend.full(DType.FLOAT64, -1, n),
                    "spike", backend.zeros(DType.FLOAT64, n), "p", backend.asTensor(p, n));
            CpuTensor events = backend.full(DType.INT32, 0, n + 1);
            Kernel k = new StepCompiler(backend, b == 1).compile(program, new Bindings(tensors, 1, List.of(events)));
            assertEquals(b == 1, ((SplitKernel) k).splits());
            for (int step = 0; step < 10; step++) {
                k.run(step * 0.1, 0.1, step);
            }
            results[b] = tensors.get("v").toDoubleArray();
            lists[b] = events.toIntArray();
        }
        assertArrayEquals(results[0], results[1], 0);
        assertTrue(lists[0][0] > 100, "events listed: " + lists[0][0]);
        // the count, then the list; what lies after it is scratch
        assertArrayEquals(Arrays.copyOf(lists[0], lists[0][0] + 1), Arrays.copyOf(lists[1], lists[1][0] + 1));
    }

    /** A Poisson drive of mean up to 100 compiles (its search is shallow) and counts what the interpreter counts. */
    @Test
    void poissonCountsCompileForLargeMeansAndMatchTheInterpreter() {
        for (double lambda : new double[] {0.3, 2, 100}) {
            Expr count = org.brainj.api.sim.PoissonCount.of(lambda, "u");
            StepProgram program = new StepProgram(List.of(new Assign("v", count)), Set.of("v"), Set.of(),
                    List.of(new RandomDraw("u", Distribution.UNIFORM, 4)));
            int n = 1000;
            CpuTensor v = cpu.full(DType.FLOAT64, 0, n);
            cpu.compile(program, new Bindings(Map.of("v", v), 9)).run(0, 0.1, 3);
            RandomKey key = new RandomKey(9, 4, 3);
            for (int i = 0; i < n; i++) {
                assertEquals(Interpreter.eval(count, Map.of("u", Philox.uniform(key, i))), v.toDoubleArray()[i], 0,
                        "element " + i + " at lambda " + lambda);
            }
        }
    }

    /** A call made twice is computed once per element, and afresh once a variable it reads is reassigned. */
    @Test
    void repeatedCallsAreSharedUntilTheirInputsChange() {
        StepProgram program = new StepProgram(List.of(assign("a", "exp(x) * 2 + exp(x) / exp(y)"),
                assign("x", "x + 1"), assign("y", "exp(x) + a + exp(y)")), Set.of("x", "y"), Set.of(), List.of());
        int n = 17;
        double[] x = randoms(new Random(8), n);
        double[] y = randoms(new Random(9), n);
        Map<String, Tensor> tensors = Map.of("x", cpu.asTensor(x, n), "y", cpu.asTensor(y, n));
        cpu.compile(program, new Bindings(tensors, 1)).run(0, 0.1, 0);
        Map<String, double[]> env = new HashMap<>(Map.of("x", x, "y", y, "t", new double[] {0}, "dt", new double[] {0.1}));
        for (Assign a : program.body()) {
            env.put(a.target(), Interpreter.eval(a.value(), env, n));
        }
        assertArrayEquals(env.get("x"), tensors.get("x").toDoubleArray(), 0);
        assertArrayEquals(env.get("y"), tensors.get("y").toDoubleArray(), 0);

        Layout layout = new Layout(program);
        CpuTensor[] bound = layout.tensorNames.stream().map(v -> (CpuTensor) tensors.get(v)).toArray(CpuTensor[]::new);
        String source = new KernelSource(program, layout, bound, false).text("p.K");
        // exp(x) and exp(y) once before x changes, exp(x) once after: three, not five
        assertEquals(3, source.split("Math\\.exp\\(", -1).length - 1, source);
    }

    private static double[] randoms(Random random, int n) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(random.nextDouble() * 4 - 2);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
