package org.brainj.api.sim;

import static org.brainj.api.expr.ExpressionParser.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.junit.jupiter.api.Test;

/**
 * What {@link SharedExponentials} shares (exponentials of one variable with slopes equal up to
 * their sign) and what it leaves, and that the rewritten program computes the same values up to
 * rounding, and the same bits where the shared form could overflow or underflow.
 */
class SharedExponentialsTest {
    private static final Set<String> SHARED = Set.of("VT", "k");

    /** Brian2's speed-suite HH rates, after InvariantDivision, each into its own local. */
    private static final List<Assign> HH_RATES = List.of(
            new Assign("alpha_m", parse("exp((13 - v + VT) * (1 / 4))")),
            new Assign("beta_m", parse("exp((v - VT - 40) * (1 / 5))")),
            new Assign("alpha_n", parse("exp((15 - v + VT) * (1 / 5))")),
            new Assign("beta_n", parse("exp((10 - v + VT) * (1 / 40))")),
            new Assign("alpha_h", parse("exp((17 - v + VT) * (1 / 18))")),
            new Assign("beta_h", parse("exp((40 - v + VT) * (1 / 5))")));

    @Test
    void hhRatesTakeFourExponentialsPerNeuronInsteadOfSix() {
        List<Assign> rewritten = SharedExponentials.of(HH_RATES, SHARED);
        assertEquals(6, perNeuronExps(HH_RATES));
        assertEquals(4, perNeuronExps(rewritten));
    }

    @Test
    void slopesThatDifferBeyondTheirSignAreNotGrouped() {
        List<Assign> body = List.of(new Assign("a", parse("exp(v * 0.25)")), new Assign("b", parse("exp(v * 0.2 + 1)")),
                new Assign("c", parse("exp(-v / 3 + 2)")));
        assertEquals(body, SharedExponentials.of(body, SHARED));
    }

    @Test
    void argumentsOfTwoVariablesNonAffineOrWithAPerNeuronSlopeAreNotGrouped() {
        List<Assign> body = List.of(new Assign("a", parse("exp(v + w)")), new Assign("b", parse("exp(v + w + 1)")),
                new Assign("c", parse("exp(v * v)")), new Assign("d", parse("exp(v * v + 1)")),
                new Assign("e", parse("exp(g * v)")), new Assign("f", parse("exp(g * v + 1)")),
                new Assign("g2", parse("exp(v ^ 2)")), new Assign("h", parse("exp(v ^ 2 + 1)")));
        assertEquals(body, SharedExponentials.of(body, SHARED));
    }

    @Test
    void aSharedSlopeIsGroupedWithItsNegation() {
        List<Assign> body = List.of(new Assign("a", parse("exp((v - VT) * (1 / k))")),
                new Assign("b", parse("exp(-(v + 3) * (1 / k))")));
        assertEquals(1, perNeuronExps(SharedExponentials.of(body, SHARED)));
        agree(body, -100, 100);
    }

    @Test
    void exponentialsAfterTheVariableChangesOrInBranchesAreNotGrouped() {
        List<Assign> afterWrite = List.of(new Assign("a", parse("exp(v * 0.2)")), new Assign("v", parse("v + 1")),
                new Assign("b", parse("exp(v * 0.2 + 1)")));
        assertEquals(afterWrite, SharedExponentials.of(afterWrite, SHARED));
        List<Assign> inBranch = List.of(new Assign("a", parse("exp(v * 0.2)")),
                new Assign("b", parse("where(v > 0, exp(v * 0.2 + 1), 0)")));
        assertEquals(inBranch, SharedExponentials.of(inBranch, SHARED));
    }

    /** exponential Euler writes each rate into two expressions: they read one exponential. */
    @Test
    void theSameExponentialInTwoAssignmentsIsComputedOnce() {
        List<Assign> body = List.of(new Assign("f", parse("exp(v * 0.25) * (1 - m)")),
                new Assign("g", parse("-exp(v * 0.25)")));
        List<Assign> rewritten = SharedExponentials.of(body, SHARED);
        assertEquals(1, perNeuronExps(rewritten));
        for (double v = -100; v <= 100; v += 0.37) {
            assertEquals(run(body, v).get("f"), run(rewritten, v).get("f"), 0, "one exponential, the same bits");
            assertEquals(run(body, v).get("g"), run(rewritten, v).get("g"), 0, "one exponential, the same bits");
        }
    }

    /**
     * Every rate agrees with the unshared program's to the rounding of the arguments: an
     * exponential turns an absolute error of its argument into the same relative error, and the
     * argument's arithmetic rounds values up to the largest term it adds (|15 - v| for HH), so two
     * ways of computing it differ by a few such ulps: here within 4 (1 + largest term) ulps of the
     * rate, over and beyond HH's range of v.
     */
    @Test
    void hhRatesAgreeWithTheUnsharedProgramToAFewUlps() {
        agree(HH_RATES, -1000, 1000);
    }

    /** Where a factor leaves exp(+-354), the neuron takes the original exponential: the same bits; NaN stays NaN. */
    @Test
    void outsideTheBoundTheOriginalExponentialIsTaken() {
        List<Assign> rewritten = SharedExponentials.of(HH_RATES, SHARED);
        for (double v : new double[] {-2000, -1900, 1850, 3600, 4000, 1e6, -1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN}) {
            Map<String, Double> expected = run(HH_RATES, v);
            Map<String, Double> actual = run(rewritten, v);
            for (Assign a : HH_RATES) {
                assertEquals(expected.get(a.target()), actual.get(a.target()), 0, a.target() + " at v = " + v);
            }
        }
    }

    private static void agree(List<Assign> body, double from, double to) {
        List<Assign> rewritten = SharedExponentials.of(body, SHARED);
        Random random = new Random(11);
        List<Double> vs = new ArrayList<>();
        for (double v = from; v <= to; v += 0.37) {
            vs.add(v);
            vs.add(from + (to - from) * random.nextDouble());
        }
        for (double v : vs) {
            Map<String, Double> expected = run(body, v);
            Map<String, Double> actual = run(rewritten, v);
            for (Assign a : body) {
                double e = expected.get(a.target());
                double x = actual.get(a.target());
                double scale = 1 + body.stream().mapToDouble(b -> largestTerm(b.value(), v)).max().orElseThrow();
                assertTrue(Math.abs(x - e) <= 4 * scale * Math.ulp(e),
                        a.target() + " at v = " + v + ": " + x + " vs " + e);
            }
        }
    }

    /** The largest magnitude among the values an exponential's argument computes on the way. */
    private static double largestTerm(Expr e, double v) {
        double own = e instanceof Call c && c.fn() == Fn.EXP ? 0 : Math.abs(Interpreter.eval(e, run(List.of(), v)));
        return Math.max(own, Exprs.children(e).stream().mapToDouble(c -> largestTerm(c, v)).max().orElse(0));
    }

    private static Map<String, Double> run(List<Assign> body, double v) {
        Map<String, Double> env = new HashMap<>(Map.of("v", v, "m", 0.3, "VT", -63.0, "k", 7.0));
        for (Assign a : body) {
            env.put(a.target(), Interpreter.eval(a.value(), env));
        }
        return env;
    }

    /** Exponentials a neuron computes where the guards hold: those of per-neuron values, not in a fallback. */
    private static int perNeuronExps(List<Assign> body) {
        return body.stream().mapToInt(a -> perNeuronExps(a.value())).sum();
    }

    private static int perNeuronExps(Expr e) {
        if (e instanceof Where w) {
            return perNeuronExps(w.otherwise());
        }
        int own = e instanceof Call c && c.fn() == Fn.EXP && !SHARED.containsAll(FreeVars.of(c)) ? 1 : 0;
        return own + Exprs.children(e).stream().mapToInt(SharedExponentialsTest::perNeuronExps).sum();
    }
}
