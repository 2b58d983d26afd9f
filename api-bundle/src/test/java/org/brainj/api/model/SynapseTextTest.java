package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

class SynapseTextTest {
    private static final Map<String, Unit<?>> NEURON = Map.of("v", PhysicalUnits.parse("volt"),
            "ge", PhysicalUnits.parse("volt"), "I_gap", PhysicalUnits.parse("amp"));

    private static SynapseText stdp() {
        return SynapseText.of("""
                w : 1
                dApre/dt = -Apre / taupre : 1 (event-driven)
                dApost/dt = -Apost / taupost : 1 (event-driven)
                """)
                .onPre("ge_post += w*mV\nApre += dApre\nw = clip(w + Apost, 0, gmax)")
                .onPost("Apost += dApost; w = clip(w + Apre, 0, gmax)")
                .parameter("taupre", "20 ms").parameter("taupost", "20 ms").parameter("gmax", 0.01)
                .parameter("dApre", 0.0001).parameter("dApost", -0.000105);
    }

    /** Runs a pathway's statements once on {@code env}, in order, as a backend does for one synapse. */
    private static void run(List<Assign> body, Map<String, Double> env) {
        for (Assign a : body) {
            env.put(a.target(), Interpreter.eval(a.value(), env));
        }
    }

    @Test
    void eventDrivenVariablesDecayExactlyFromTheLastEventBeforeTheStatements() {
        SynapseModel m = stdp().compile("S", NEURON, NEURON).model();
        assertEquals(List.of("w", "Apre", "Apost"), m.variables());
        assertTrue(m.clockDriven().isEmpty());
        Map<String, Double> env = new HashMap<>(m.parameters());
        env.putAll(Map.of("w", 0.005, "Apre", 0.0, "Apost", -0.0001, "lastupdate", 0.0, "ge_post", 0.0, "t", 10.0));
        run(m.onPre(), env);
        double apost = -0.0001 * Math.exp(-10.0 / 20);
        assertEquals(0.005 + apost, env.get("w"), 1e-15);
        assertEquals(0.0001, env.get("Apre"), 1e-18);
        assertEquals(0.005, env.get("ge_post"), 1e-15); // w * mV with mV = 1 in the coherent system
        assertEquals(10.0, env.get("lastupdate"));
        env.put("t", 30.0);
        run(m.onPost(), env);
        assertEquals(apost * Math.exp(-20.0 / 20) - 0.000105, env.get("Apost"), 1e-18);
        assertEquals(Math.min(Math.max(0.005 + apost + 0.0001 * Math.exp(-1), 0), 0.01), env.get("w"), 1e-15);
    }

    /**
     * Each event-driven variable decays with its own time constant, to the analytic value, whether
     * the two are equal (then one exponential serves both) or not; a wrong sharing of the factor
     * would decay Apost with taupre.
     */
    @Test
    void eventDrivenDecaysShareOneExponentialOnlyWhereTheTimeConstantsAreEqual() {
        for (double taupost : new double[] {20, 10}) {
            SynapseModel m = stdp().parameter("taupost", taupost + " ms").compile("S", NEURON, NEURON).model();
            for (List<Assign> pathway : List.of(m.onPre(), m.onPost())) {
                Map<String, Double> env = new HashMap<>(m.parameters());
                env.putAll(Map.of("w", 0.005, "Apre", 0.002, "Apost", -0.003, "lastupdate", 1.0, "ge_post", 0.0, "t", 8.5));
                int exponentials = pathway.stream().mapToInt(a -> evaluatedExponentials(a.value(), env)).sum();
                run(pathway, env);
                // the analytic decay over h = t - lastupdate = 7.5 ms, then on_pre's dApre (1e-4) or on_post's dApost
                // (-1.05e-4), the parameters stdp() gives
                double apre = 0.002 * Math.exp(-7.5 / 20);
                double apost = -0.003 * Math.exp(-7.5 / taupost);
                boolean pre = pathway == m.onPre();
                assertEquals(apre + (pre ? 0.0001 : 0), env.get("Apre"), 1e-18);
                assertEquals(apost + (pre ? 0 : -0.000105), env.get("Apost"), 1e-18);
                assertEquals(taupost == 20 ? 1 : 2, exponentials, "exponentials per synapse and event, taupost " + taupost);
            }
        }
    }

    /** The exponentials an evaluation of {@code e} computes: a where's branch not taken computes none. */
    private static int evaluatedExponentials(Expr e, Map<String, Double> env) {
        if (e instanceof Expr.Where w) {
            boolean taken = Interpreter.eval(w.cond(), env) != 0;
            return evaluatedExponentials(w.cond(), env) + evaluatedExponentials(taken ? w.then() : w.otherwise(), env);
        }
        int[] count = {e instanceof Expr.Call c && c.fn() == Expr.Fn.EXP ? 1 : 0};
        Exprs.mapChildren(e, c -> {
            count[0] += evaluatedExponentials(c, env);
            return c;
        });
        return count[0];
    }

    @Test
    void aBareNameOfThePostGroupIsItsVariableAsInBrian2() {
        SynapseModel m = SynapseText.of("w : 1").onPre("v += w").compile("S", Map.of(), Map.of("v", PhysicalUnits.ONE))
                .model();
        assertEquals("v_post", m.onPre().get(0).target());
    }

    @Test
    void summedVariablesAreSumsOntoThePostGroup() {
        SynapseModel m = SynapseText.of("I_gap_post = g * (v_pre - v_post) : amp (summed)")
                .parameter("g", "1 nS").compile("gap", NEURON, NEURON).model();
        Map<String, Double> env = new HashMap<>(m.parameters());
        env.putAll(Map.of("v_pre", -50.0, "v_post", -60.0));
        // 1 nS is 0.001 uS; times 10 mV, 0.01 nA
        assertEquals(0.01, Interpreter.eval(m.summed().get("I_gap"), env), 1e-15);
    }

    @Test
    void aDelayIsATime() {
        assertEquals(2.0, SynapseText.of("w : 1").onPre("v_post += w*mV").delay("2 ms")
                .compile("S", NEURON, NEURON).model().delay());
    }

    @Test
    void aPostDelayIsATimeAndDrawsAreDimensionless() {
        SynapseModel m = SynapseText.of("w : 1").onPre("w = w + 0.1 * randn()").onPost("w = rand()").postDelay("1.5 ms")
                .compile("S", NEURON, NEURON).model();
        assertEquals(1.5, m.postDelay());
        assertEquals(null, m.delay());
        assertTrue(org.brainj.api.expr.FreeVars.of(m.onPost().get(0).value()).contains("rand()"));
    }

    @Test
    void clockDrivenEquationsIntegrateUnderTheMethodGiven() {
        SynapseModel m = SynapseText.of("dx/dt = -x / tau : 1").parameter("tau", "10 ms").method("rk4")
                .compile("S", NEURON, NEURON).model();
        assertEquals("rk4", m.method());
        ModelTextException unknown = assertThrows(ModelTextException.class, () -> SynapseText.of("dx/dt = -x / tau : 1")
                .parameter("tau", "10 ms").method("rk5").compile("S", NEURON, NEURON));
        assertEquals("method", unknown.part());
        assertTrue(unknown.getMessage().contains("rk4"), unknown.getMessage());
        ModelTextException notLinear = assertThrows(ModelTextException.class, () -> SynapseText.of(
                "dx/dt = -x * x / tau : 1").parameter("tau", "10 ms").method("exact").compile("S", NEURON, NEURON));
        assertEquals("method", notLinear.part());
        // synapses bind no propagators computed once per run, so coupled linear equations are refused under exact
        ModelTextException coupled = assertThrows(ModelTextException.class, () -> SynapseText.of(
                "dx/dt = (y - x) / tau : 1\ndy/dt = -y / tau : 1").parameter("tau", "10 ms").method("exact")
                .compile("S", NEURON, NEURON));
        assertEquals("method", coupled.part());
        assertTrue(coupled.getMessage().contains("coupled") && coupled.getMessage().contains("rk4"), coupled.getMessage());
        ModelTextException noisy = assertThrows(ModelTextException.class, () -> SynapseText.of(
                "w : 1\ndx/dt = -x / tau + xi / sqrt(tau) : 1").parameter("tau", "10 ms").compile("S", NEURON, NEURON));
        assertEquals(2, noisy.line());
        assertTrue(noisy.getMessage().contains("noise"), noisy.getMessage());
    }

    @Test
    void faultsNameThePartLineAndColumn() {
        ModelTextException unknown = assertThrows(ModelTextException.class, () -> SynapseText.of("w : 1")
                .onPost("w += 1\nw = w + nonsense").compile("S", NEURON, NEURON));
        assertEquals("on_post", unknown.part());
        assertEquals(2, unknown.line());
        assertEquals(9, unknown.column());

        ModelTextException nonlinear = assertThrows(ModelTextException.class, () -> SynapseText.of(
                "w : 1\ndA/dt = -A*A/tau : 1 (event-driven)").parameter("tau", "10 ms").onPre("A += 1")
                .compile("S", NEURON, NEURON));
        assertEquals("model", nonlinear.part());
        assertEquals(2, nonlinear.line());
        assertTrue(nonlinear.getMessage().contains("not linear"), nonlinear.getMessage());

        ModelTextException twice = assertThrows(ModelTextException.class, () -> SynapseText.of(
                "I_gap_post = v_pre : amp (summed)\nI_gap_post = v_post : amp (summed)").compile("S", NEURON, NEURON));
        assertEquals(2, twice.line());

        ModelTextException unit = assertThrows(ModelTextException.class, () -> SynapseText.of("w : 1")
                .onPre("ge_post += w").compile("S", NEURON, NEURON));
        assertEquals("on_pre", unit.part());
        assertTrue(unit.getMessage().contains("unit mismatch"), unit.getMessage());
    }
}
