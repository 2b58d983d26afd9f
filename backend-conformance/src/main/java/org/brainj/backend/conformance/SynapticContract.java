package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.SynapticBindings;
import org.brainj.api.program.SynapticKernel;
import org.brainj.api.program.SynapticKernel.EventReach;
import org.brainj.api.program.SynapticProgram;
import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Synaptic programs ({@link org.brainj.api.tensor.Backend#compileSynaptic}): Brian2's STDP
 * {@code on_pre} over a list of synapses with repeated post-synaptic targets, run one synapse
 * after the other, against the {@link Interpreter} doing the same in the test; random draws
 * against {@link Philox} at the synapse under the program's seed, stream and step. A backend that
 * does not compile synaptic programs must refuse with a {@link BindingException} that names it;
 * the other parts are then skipped (reported as such).
 */
public abstract class SynapticContract extends BackendContract {
    private static final int PRE = 7;
    private static final int POST = 5;
    private static final int SYNAPSES = 30;

    private static Expr e(String text) {
        return ExpressionParser.parse(text);
    }

    /** {@code g_post += w; A = A*exp(-(t - last)/tau) + dA; w = clip(w + B_post, 0, wmax); last = t}. */
    private static final List<Assign> BODY = List.of(
            new Assign("g_post", e("g_post + w * v_pre")),
            new Assign("A", e("A * exp(-(t - last) / tau) + dA")),
            new Assign("w", e("clip(w + B_post - A, 0, wmax)")),
            new Assign("last", e("t")));
    private static final SynapticProgram PROGRAM = new SynapticProgram(BODY, Set.of("w", "A", "last"), Set.of("v_pre"),
            Set.of("g_post", "B_post"), Set.of("tau", "dA", "wmax"));

    private final Random random = new Random(7);
    private final int[] pre = new int[SYNAPSES];
    private final int[] post = new int[SYNAPSES];
    private final Map<String, double[]> values = new HashMap<>();

    private void randomSynapses() {
        for (int s = 0; s < SYNAPSES; s++) {
            pre[s] = random.nextInt(PRE);
            post[s] = random.nextInt(POST);
        }
    }

    private SynapticKernel compileOrNull(DType dtype, Map<String, Tensor> bound) {
        randomSynapses();
        values.put("w", doubles(SYNAPSES, 0, 1));
        values.put("A", doubles(SYNAPSES, 0, 0.1));
        values.put("last", doubles(SYNAPSES, 0, 5));
        values.put("v_pre", doubles(PRE, -1, 1));
        values.put("g_post", doubles(POST, 0, 1));
        values.put("B_post", doubles(POST, -0.2, 0.2));
        values.forEach((n, v) -> bound.put(n, tensor(dtype, v)));
        bound.put("tau", backend().full(dtype, 20));
        bound.put("dA", backend().full(dtype, 0.01));
        bound.put("wmax", backend().full(dtype, 0.9));
        try {
            return backend().compileSynaptic(PROGRAM, new SynapticBindings(bound, backend().asTensor(pre),
                    backend().asTensor(post)));
        } catch (BindingException refused) {
            return null;
        }
    }

    private double[] doubles(int n, double low, double high) {
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = low + (high - low) * random.nextDouble();
        }
        return v;
    }

    @Test
    void aBackendThatDoesNotCompileSynapticProgramsSaysSo() {
        Map<String, Tensor> bound = new HashMap<>();
        if (compileOrNull(DType.FLOAT64, bound) == null) {
            BindingException e = assertThrows(BindingException.class, () -> backend().compileSynaptic(PROGRAM,
                    new SynapticBindings(bound, backend().asTensor(pre), backend().asTensor(post))));
            assertTrue(e.getMessage().contains(backend().name()), e.getMessage());
        }
    }

    @Test
    void synapsesRunOneAfterTheOtherInTheOrderGiven() {
        Map<String, Tensor> bound = new HashMap<>();
        SynapticKernel kernel = compileOrNull(DType.FLOAT64, bound);
        assumeTrue(kernel != null, backend().name() + " does not compile synaptic programs");
        // a list with repeats of a post-synaptic neuron and of a synapse, not in index order
        int[] list = {4, 17, 3, 17, 29, 0, 11, 4, 22};
        kernel.run(list, list.length, 12.5, 0.1, 125);
        Map<String, double[]> expected = reference(list, 12.5);
        for (String n : List.of("w", "A", "last", "v_pre", "g_post", "B_post")) {
            double[] got = bound.get(n).toDoubleArray();
            for (int k = 0; k < got.length; k++) {
                assertClose(expected.get(n)[k], got[k], DType.FLOAT64, n + "[" + k + "]");
            }
        }
    }

    @Test
    void aNullListRunsEverySynapseInIndexOrder() {
        Map<String, Tensor> bound = new HashMap<>();
        SynapticKernel kernel = compileOrNull(DType.FLOAT32, bound);
        assumeTrue(kernel != null, backend().name() + " does not compile synaptic programs");
        int[] all = new int[SYNAPSES];
        for (int s = 0; s < SYNAPSES; s++) {
            all[s] = s;
        }
        // float32 tensors: the reference starts from the stored values and rounds each write
        values.replaceAll((n, v) -> bound.get(n).toDoubleArray());
        kernel.run(null, SYNAPSES, 3, 0.1, 30);
        Map<String, double[]> expected = reference(all, 3);
        for (String n : List.of("w", "A", "g_post")) {
            double[] got = bound.get(n).toDoubleArray();
            for (int k = 0; k < got.length; k++) {
                assertClose(expected.get(n)[k], got[k], DType.FLOAT32, n + "[" + k + "]");
            }
        }
    }

    @Test
    void aProgramReadingAnUnboundNameIsRefusedNamingIt() {
        Map<String, Tensor> bound = new HashMap<>();
        assumeTrue(compileOrNull(DType.FLOAT64, bound) != null, backend().name() + " does not compile synaptic programs");
        bound.remove("B_post");
        BindingException e = assertThrows(BindingException.class, () -> backend().compileSynaptic(PROGRAM,
                new SynapticBindings(bound, backend().asTensor(pre), backend().asTensor(post))));
        assertTrue(e.getMessage().contains("B_post"), e.getMessage());
    }

    /**
     * Programs that write no neuron variable, post-synaptic ones only, pre-synaptic ones only,
     * both, and one whose pre- and post-synaptic variable are one tensor (a group coupled to
     * itself): a backend may run synapses that share no written element at once, but each must
     * end as the serial run does, which the interpreter does in the test, over a list with
     * repeats, over all synapses, and over the synapses that a spike list on the backend reaches
     * from pre-synaptic and from post-synaptic neurons.
     */
    @Test
    void programsWritingNeuronVariablesEndAsTheSerialRun() {
        Map<String, String> programs = new LinkedHashMap<>();
        programs.put("w = w + 0.1 * v_pre - 0.05 * B_post", "synaptic only");
        programs.put("g_post = g_post * 0.9 + w * v_pre\nw = w * 0.5", "post");
        programs.put("v_pre = v_pre - 0.01 * w + 0.1 * B_post\nw = w + v_pre", "pre");
        programs.put("g_post = g_post + v_pre\nv_pre = v_pre * 0.5 + w", "both");
        programs.put("x_post = x_post * 0.75 + x_pre + w", "one tensor as pre and post");
        int[] list = {4, 17, 3, 17, 29, 0, 11, 4, 22};
        randomSynapses();
        for (Map.Entry<String, String> text : programs.entrySet()) {
            List<Assign> body = new ArrayList<>();
            for (String line : text.getKey().split("\n")) {
                String[] parts = line.split(" = ", 2);
                body.add(new Assign(parts[0], e(parts[1])));
            }
            SynapticProgram program = new SynapticProgram(body, Set.of("w"), Set.of("v_pre", "x_pre"),
                    Set.of("g_post", "B_post", "x_post"), Set.of());
            Map<String, double[]> arrays = new HashMap<>();
            arrays.put("w", doubles(SYNAPSES, 0, 1));
            arrays.put("v_pre", doubles(PRE, -1, 1));
            arrays.put("g_post", doubles(POST, 0, 1));
            arrays.put("B_post", doubles(POST, -0.2, 0.2));
            arrays.put("x_pre", doubles(PRE, -1, 1));
            // x_post is x_pre: the post indices (below POST) address the same group of PRE elements
            arrays.put("x_post", arrays.get("x_pre"));
            Map<String, Tensor> bound = new HashMap<>();
            arrays.forEach((n, v) -> bound.put(n, tensor(DType.FLOAT64, v)));
            bound.put("x_post", bound.get("x_pre"));
            SynapticKernel kernel;
            try {
                kernel = backend().compileSynaptic(program, new SynapticBindings(bound, backend().asTensor(pre),
                        backend().asTensor(post)));
            } catch (BindingException refused) {
                assumeTrue(false, backend().name() + " does not compile synaptic programs");
                return;
            }
            int[] all = new int[SYNAPSES];
            for (int s = 0; s < SYNAPSES; s++) {
                all[s] = s;
            }
            interpret(program, arrays, list, 2.5);
            kernel.run(list, list.length, 2.5, 0.1, 25);
            interpret(program, arrays, all, 2.6);
            kernel.run(null, SYNAPSES, 2.6, 0.1, 26);
            int[][] rows = synapsesOf(pre, PRE);
            int[] preSpikes = {1, 3, 4};
            interpret(program, arrays, reached(rows, preSpikes), 2.7);
            kernel.run(spikeList(preSpikes, PRE), new EventReach(0, rows, false), 2.7, 0.1, 27);
            int[][] columns = synapsesOf(post, POST);
            int[] postSpikes = {0, 2, 4};
            interpret(program, arrays, reached(columns, postSpikes), 2.8);
            kernel.run(spikeList(postSpikes, POST), new EventReach(0, columns, true), 2.8, 0.1, 28);
            for (String n : List.of("w", "v_pre", "g_post", "B_post", "x_pre")) {
                double[] got = bound.get(n).toDoubleArray();
                for (int k = 0; k < got.length; k++) {
                    assertClose(arrays.get(n)[k], got[k], DType.FLOAT64, text.getValue() + ": " + n + "[" + k + "]");
                }
            }
        }
    }

    /** Per neuron of a group of {@code size}, the synapses whose entry in {@code neuronOf} it is, in index order. */
    private static int[][] synapsesOf(int[] neuronOf, int size) {
        List<List<Integer>> of = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            of.add(new ArrayList<>());
        }
        for (int s = 0; s < neuronOf.length; s++) {
            of.get(neuronOf[s]).add(s);
        }
        return of.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    /** The synapses that spikes of the neurons {@code spiking} reach, neuron after neuron. */
    private static int[] reached(int[][] synapsesOf, int[] spiking) {
        return Arrays.stream(spiking).flatMap(k -> Arrays.stream(synapsesOf[k])).toArray();
    }

    /** A group of {@code size}'s spike list on the backend, as eventList writes it: the count, then the neurons. */
    private Tensor spikeList(int[] spiking, int size) {
        int[] list = new int[size + 1];
        list[0] = spiking.length;
        System.arraycopy(spiking, 0, list, 1, spiking.length);
        return backend().asTensor(list);
    }

    /** {@code program} run by the interpreter over {@code list} in place on {@code arrays} (which may share arrays). */
    private void interpret(SynapticProgram program, Map<String, double[]> arrays, int[] list, double t) {
        for (int s : list) {
            Map<String, Double> env = new HashMap<>(Map.of("t", t, "dt", 0.1));
            program.synaptic().forEach(n -> env.put(n, arrays.get(n)[s]));
            program.pre().forEach(n -> env.put(n, arrays.get(n)[pre[s]]));
            program.post().forEach(n -> env.put(n, arrays.get(n)[post[s]]));
            for (Assign a : program.body()) {
                env.put(a.target(), Interpreter.eval(a.value(), env));
                double v = env.get(a.target());
                if (program.synaptic().contains(a.target())) {
                    arrays.get(a.target())[s] = v;
                } else if (program.pre().contains(a.target())) {
                    arrays.get(a.target())[pre[s]] = v;
                } else if (program.post().contains(a.target())) {
                    arrays.get(a.target())[post[s]] = v;
                }
            }
        }
    }

    /** The program run by the interpreter, synapse by synapse, writing back after each. */
    private Map<String, double[]> reference(int[] list, double t) {
        Map<String, double[]> v = new HashMap<>();
        values.forEach((n, a) -> v.put(n, a.clone()));
        for (int s : list) {
            Map<String, Double> env = new HashMap<>(Map.of("tau", 20.0, "dA", 0.01, "wmax", 0.9, "t", t, "dt", 0.1));
            env.put("w", v.get("w")[s]);
            env.put("A", v.get("A")[s]);
            env.put("last", v.get("last")[s]);
            env.put("v_pre", v.get("v_pre")[pre[s]]);
            env.put("g_post", v.get("g_post")[post[s]]);
            env.put("B_post", v.get("B_post")[post[s]]);
            for (Assign a : BODY) {
                env.put(a.target(), Interpreter.eval(a.value(), env));
            }
            v.get("w")[s] = env.get("w");
            v.get("A")[s] = env.get("A");
            v.get("last")[s] = env.get("last");
            v.get("g_post")[post[s]] = env.get("g_post");
        }
        return v;
    }

    /**
     * {@code u = rand(); w = w + 0.5 * randn(); g_post += u}: each draw is Philox's at the
     * synapse's index under (seed, the draw's stream, the step), a uniform the 24-bit one of a
     * float32 program, so every backend draws the same numbers.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(value = DType.class, names = {"FLOAT64", "FLOAT32"})
    void drawsArePhiloxAtTheSynapseUnderTheSeedStreamAndStep(DType dtype) {
        Map<String, Tensor> bound = new HashMap<>();
        assumeTrue(compileOrNull(dtype, bound) != null, backend().name() + " does not compile synaptic programs");
        List<RandomDraw> draws = List.of(new RandomDraw("u#0", RandomDraw.Distribution.UNIFORM, 1 << 30 | 5),
                new RandomDraw("n#1", RandomDraw.Distribution.NORMAL, 1 << 30 | 6));
        SynapticProgram program = new SynapticProgram(List.of(new Assign("u", Exprs.var("u#0")),
                new Assign("w", Exprs.add(Exprs.var("w"), Exprs.mul(Exprs.num(0.5), Exprs.var("n#1")))),
                new Assign("g_post", e("g_post + u"))), Set.of("w"), Set.of(),
                Set.of("g_post"), Set.of(), draws);
        long seed = 0x1234_5678_9abcL;
        long step = 4321;
        SynapticKernel kernel = backend().compileSynaptic(program, new SynapticBindings(bound, backend().asTensor(pre),
                backend().asTensor(post), seed));
        double[] w = bound.get("w").toDoubleArray();
        double[] g = bound.get("g_post").toDoubleArray();
        int[] list = {3, 9, 4, 27, 0};
        kernel.run(list, list.length, 432.1, 0.1, step);
        RandomKey uniform = new RandomKey(seed, 1 << 30 | 5, step);
        RandomKey normal = new RandomKey(seed, 1 << 30 | 6, step);
        for (int s : list) {
            double u = dtype == DType.FLOAT32 ? Philox.uniformFloat(uniform, s) : Philox.uniform(uniform, s);
            w[s] += 0.5 * Philox.normal(normal, s);
            g[post[s]] += u;
        }
        double[] gotW = bound.get("w").toDoubleArray();
        double[] gotG = bound.get("g_post").toDoubleArray();
        for (int s = 0; s < SYNAPSES; s++) {
            assertClose(w[s], gotW[s], dtype, "w[" + s + "]");
        }
        for (int j = 0; j < POST; j++) {
            assertClose(g[j], gotG[j], dtype, "g_post[" + j + "]");
        }
    }

    @Test
    void indicesThatAreNotInt32AreRefused() {
        Map<String, Tensor> bound = new HashMap<>();
        assumeTrue(compileOrNull(DType.FLOAT64, bound) != null, backend().name() + " does not compile synaptic programs");
        assertThrows(BindingException.class, () -> backend().compileSynaptic(PROGRAM,
                new SynapticBindings(bound, backend().asTensor(new double[SYNAPSES]), backend().asTensor(post))));
    }
}
