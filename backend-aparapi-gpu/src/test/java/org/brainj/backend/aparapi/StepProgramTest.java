package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Step programs compiled from the IR and run on the device, against the same updates written
 * out in plain Java in the test. Each IR operation rounds once on the device as in Java, so
 * programs of + - * /, comparisons, where and Philox draws agree bit for bit.
 */
@RequiresOpenCL
class StepProgramTest {
    private static final AparapiBackend BACKEND = new AparapiBackend();
    private static final int N = 64;

    private static Expr v(String name) {
        return new Var(name);
    }

    private static Expr bin(BinOp op, Expr a, Expr b) {
        return new Bin(op, a, b);
    }

    /** A leaky integrate-and-fire population, forward Euler, reset folded in with where. */
    private static StepProgram lif() {
        Expr dv = bin(BinOp.DIV, bin(BinOp.ADD, new Neg(bin(BinOp.SUB, v("V"), v("V_rest"))), v("I")), v("tau"));
        Expr next = bin(BinOp.ADD, v("V"), bin(BinOp.MUL, v("dt"), v("dV")));
        Expr fired = new Cmp(CmpOp.GE, v("V_next"), v("V_th"));
        return new StepProgram(List.of(
                new Assign("dV", dv),
                new Assign("V_next", next),
                new Assign("spikes", bin(BinOp.ADD, v("spikes"), fired)),
                new Assign("V", new Where(fired, v("V_rest"), v("V_next")))),
                Set.of("V", "spikes"), Set.of("V_rest", "V_th", "tau", "I"), List.of());
    }

    private static double[] ramp(double from, double step) {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = from + i * step;
        }
        return x;
    }

    private static Tensor tensor(DType dtype, double[] values) {
        return BACKEND.astype(BACKEND.asTensor(values), dtype, null);
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void lifMatchesTheSameEulerStepsInJava(DType dtype) {
        double[] current = ramp(10, 0.5);
        Map<String, Tensor> t = new HashMap<>();
        t.put("V", tensor(dtype, ramp(-70, 0.1)));
        t.put("spikes", BACKEND.zeros(dtype, N));
        t.put("V_rest", BACKEND.scalar(dtype, -65));
        t.put("V_th", BACKEND.scalar(dtype, -50));
        t.put("tau", BACKEND.scalar(dtype, 10));
        t.put("I", tensor(dtype, current));
        Kernel k = BACKEND.compile(lif(), new Bindings(t, 1));
        double dt = 0.1;
        for (int step = 0; step < 200; step++) {
            k.run(step * dt, dt, step);
        }
        // The reference: the same operations in the same order, in double, stored in the dtype.
        double[] expV = new double[N];
        double[] expS = new double[N];
        for (int i = 0; i < N; i++) {
            double vr = store(dtype, -65);
            double vth = store(dtype, -50);
            double tau = store(dtype, 10);
            double in = store(dtype, current[i]);
            double volt = store(dtype, -70 + i * 0.1);
            double spikes = 0;
            for (int step = 0; step < 200; step++) {
                double dV = (-(volt - vr) + in) / tau;
                double next = volt + dt * dV;
                boolean fired = next >= vth;
                spikes = store(dtype, spikes + (fired ? 1 : 0));
                volt = store(dtype, fired ? vr : next);
            }
            expV[i] = volt;
            expS[i] = spikes;
        }
        assertArrayEquals(expV, t.get("V").toDoubleArray());
        assertArrayEquals(expS, t.get("spikes").toDoubleArray());
        assertTrue(expS[N - 1] > 0, "the strongest input makes the neuron fire");
    }

    private static double store(DType dtype, double v) {
        return dtype == DType.FLOAT32 ? (float) v : v;
    }

    @Test
    void noiseIsPhiloxUnderSeedStreamAndStep() {
        long seed = 0xABCDEF12345L;
        StepProgram p = new StepProgram(List.of(
                new Assign("x", bin(BinOp.ADD, v("x"), bin(BinOp.MUL, new Call(Fn.SQRT, List.of(v("dt"))), v("xi")))),
                new Assign("u", v("eta"))),
                Set.of("x", "u"), Set.of(),
                List.of(new RandomDraw("xi", RandomDraw.Distribution.NORMAL, 7),
                        new RandomDraw("eta", RandomDraw.Distribution.UNIFORM, 8)));
        Map<String, Tensor> t = Map.of("x", BACKEND.zeros(DType.FLOAT64, N), "u", BACKEND.zeros(DType.FLOAT64, N));
        Kernel k = BACKEND.compile(p, new Bindings(t, seed));
        double dt = 0.01;
        for (int step = 3; step < 13; step++) {
            k.run(step * dt, dt, step);
        }
        double[] x = new double[N];
        for (int step = 3; step < 13; step++) {
            for (int i = 0; i < N; i++) {
                x[i] = x[i] + Math.sqrt(dt) * Philox.normal(new RandomKey(seed, 7, step), i);
            }
        }
        assertArrayEquals(x, t.get("x").toDoubleArray());
        double[] u = t.get("u").toDoubleArray();
        for (int i = 0; i < N; i++) {
            assertEquals(Philox.uniform(new RandomKey(seed, 8, 12), i), u[i], 0, "uniform of the last step, element " + i);
        }
    }

    /**
     * NEST's Poisson drive (PoissonCount: a clamped sum around the mean, bisection outside) counts
     * on the device what the interpreter counts from Philox's uniform of the element, for both
     * uniform widths, so the CPU backend (which StepCompilerTest holds to the interpreter) and the
     * device draw the same drive.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void poissonCountsAreTheInterpretersFromPhiloxUniforms(DType dtype) {
        long seed = 0x5EED_0002L;
        int n = 4096;
        double[] means = {0.1, 2, 9.9, 10, 50};
        // one program for all means: each program compiled rebuilds the device's kernel
        List<Assign> counts = new java.util.ArrayList<>();
        Map<String, Tensor> t = new HashMap<>();
        for (int m = 0; m < means.length; m++) {
            counts.add(new Assign("c" + m, org.brainj.api.sim.PoissonCount.of(means[m], "u")));
            t.put("c" + m, BACKEND.zeros(dtype, n));
        }
        StepProgram p = new StepProgram(counts, t.keySet(), Set.of(),
                List.of(new RandomDraw("u", RandomDraw.Distribution.UNIFORM, 5)));
        BACKEND.compile(p, new Bindings(t, seed)).run(0.3, 0.1, 3);
        RandomKey key = new RandomKey(seed, 5, 3);
        for (int m = 0; m < means.length; m++) {
            double[] c = t.get("c" + m).toDoubleArray();
            for (int i = 0; i < n; i++) {
                double u = dtype == DType.FLOAT32 ? Philox.uniformFloat(key, i) : Philox.uniform(key, i);
                assertEquals(org.brainj.api.expr.Interpreter.eval(counts.get(m).value(), Map.of("u", u)), c[i], 0,
                        "element " + i + " at lambda " + means[m] + ", " + dtype);
            }
        }
    }

    /**
     * RandomDraw's rule: with a float32 state variable a uniform is Philox.uniformFloat (24 bits),
     * even where it is kept in a float64 state variable of the same program, so it never rounds
     * up to 1 in float32 and both backends draw the same.
     */
    @Test
    void uniformsOfFloat32ProgramsAreTheFloatUniform() {
        long seed = 0x5EED_0001L;
        StepProgram p = new StepProgram(List.of(new Assign("u32", v("r")), new Assign("u64", v("r"))),
                Set.of("u32", "u64"), Set.of(), List.of(new RandomDraw("r", RandomDraw.Distribution.UNIFORM, 4)));
        Map<String, Tensor> t = Map.of("u32", BACKEND.zeros(DType.FLOAT32, N), "u64", BACKEND.zeros(DType.FLOAT64, N));
        Kernel k = BACKEND.compile(p, new Bindings(t, seed));
        k.run(0.9, 0.1, 9);
        double[] u32 = t.get("u32").toDoubleArray();
        double[] u64 = t.get("u64").toDoubleArray();
        int differFromDouble = 0;
        for (int i = 0; i < N; i++) {
            RandomKey key = new RandomKey(seed, 4, 9);
            assertEquals(Philox.uniformFloat(key, i), u32[i], 0, "float32 state, element " + i);
            assertEquals(Philox.uniformFloat(key, i), u64[i], 0, "float64 state of a float32 program, element " + i);
            if (u64[i] != Philox.uniform(key, i)) {
                differFromDouble++;
            }
        }
        // The 53-bit uniform has bits below float's 24 almost always: the test tells the two apart.
        assertTrue(differFromDouble > N / 2, "only " + differFromDouble + " of " + N + " differ from the 53-bit uniform");
    }

    @Test
    void functionsTimeAndParameterChangesWithoutRecompiling() {
        // y = exp(-t / tau) * sigmoid(y) + max(y, 0.25) ^ 2, compared with java.lang.Math
        Expr decay = new Call(Fn.EXP, List.of(new Neg(bin(BinOp.DIV, v("t"), v("tau")))));
        Expr body = bin(BinOp.ADD, bin(BinOp.MUL, decay, new Call(Fn.SIGMOID, List.of(v("y")))),
                bin(BinOp.POW, new Call(Fn.MAX, List.of(v("y"), new Const(0.25))), new Const(2)));
        StepProgram p = new StepProgram(List.of(new Assign("y", body)), Set.of("y"), Set.of("tau"), List.of());
        Tensor y = BACKEND.asTensor(ramp(-1, 0.03));
        Tensor tau = BACKEND.scalar(DType.FLOAT64, 2);
        Kernel k = BACKEND.compile(p, new Bindings(Map.of("y", y, "tau", tau), 0));
        double[] ref = ramp(-1, 0.03);
        for (int step = 0; step < 3; step++) {
            double t = 0.5 * step;
            double tv = step == 2 ? 4 : 2;
            if (step == 2) {
                BACKEND.copy(BACKEND.scalar(DType.FLOAT64, 4), tau);
            }
            k.run(t, 0.5, step);
            for (int i = 0; i < N; i++) {
                ref[i] = Math.exp(-(t / tv)) * (1.0 / (1.0 + Math.exp(-ref[i]))) + Math.pow(Math.max(ref[i], 0.25), 2);
            }
        }
        double[] got = y.toDoubleArray();
        for (int i = 0; i < N; i++) {
            // OpenCL's exp is within a few ulps of Java's
            assertEquals(ref[i], got[i], 1e-14 * Math.abs(ref[i]), "element " + i);
        }
    }

    @Test
    void badProgramsAndBindingsAreNamed() {
        Tensor x = BACKEND.zeros(DType.FLOAT64, N);
        StepProgram reads = new StepProgram(List.of(new Assign("x", v("nope"))), Set.of("x"), Set.of(), List.of());
        BrainJException unknown = assertThrows(BrainJException.class,
                () -> BACKEND.compile(reads, new Bindings(Map.of("x", x), 0)));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
        StepProgram ok = new StepProgram(List.of(new Assign("x", v("a"))), Set.of("x"), Set.of("a"), List.of());
        BrainJException missing = assertThrows(BrainJException.class, () -> BACKEND.compile(ok, new Bindings(Map.of("x", x), 0)));
        assertTrue(missing.getMessage().contains("'a'"), missing.getMessage());
        BrainJException ints = assertThrows(BrainJException.class,
                () -> BACKEND.compile(ok, new Bindings(Map.of("x", x, "a", BACKEND.zeros(DType.INT32, N)), 0)));
        assertTrue(ints.getMessage().contains("int32"), ints.getMessage());
        assertThrows(BrainJException.class,
                () -> BACKEND.compile(ok, new Bindings(Map.of("x", x, "a", BACKEND.zeros(DType.FLOAT64, N + 1)), 0)));
        StepProgram twice = new StepProgram(List.of(new Assign("x", v("x"))), Set.of("x"), Set.of("x"), List.of());
        BrainJException dup = assertThrows(BrainJException.class, () -> BACKEND.compile(twice, new Bindings(Map.of("x", x), 0)));
        assertTrue(dup.getMessage().contains("'x'"), dup.getMessage());
        StepProgram writesParam = new StepProgram(List.of(new Assign("a", v("x"))), Set.of("x"), Set.of("a"), List.of());
        assertThrows(BrainJException.class,
                () -> BACKEND.compile(writesParam, new Bindings(Map.of("x", x, "a", BACKEND.scalar(DType.FLOAT64, 1)), 0)));
    }
}
