package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.program.Assign;
import org.junit.jupiter.api.Test;

/** {@code phi1(z) = (exp(z) - 1) / z}, the propagator factor of exact and exponential Euler. */
class Phi1Test {
    /** z from 1e-300 to 700 in both signs, 40 per decade, and around the switch to the quotient at 1/2. */
    private static List<Double> grid() {
        List<Double> zs = new ArrayList<>(List.of(0.0, -0.0, 0.5, -0.5, Math.nextDown(0.5), Math.nextUp(-0.5), -745.0, -1e6));
        for (double e = -300; e <= Math.log10(700); e += 1.0 / 40) {
            zs.add(Math.pow(10, e));
            zs.add(-Math.pow(10, e));
        }
        return zs;
    }

    /** Within 2 ulp of {@code expm1(z) / z} (fdlibm's expm1, Brian2's {@code exprel}), 1 at 0. */
    @Test
    void agreesWithExpm1OverZToTwoUlp() {
        for (double z : grid()) {
            double expected = z == 0 ? 1 : StrictMath.expm1(z) / z;
            assertEquals(expected, Numbers.phi1(z), 2 * Math.ulp(expected), "phi1(" + z + ")");
        }
        assertEquals(0, Numbers.phi1(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, Numbers.phi1(710));
    }

    /** The expression a step program evaluates gives the same numbers, bit for bit, as the stand-alone integrator's. */
    @Test
    void stepProgramsEvaluateTheSameNumbers() {
        Symbols symbols = new Symbols(Set.of("x"));
        Expr phi = symbols.phi1(Exprs.var("x"));
        List<Double> zs = grid();
        double[] x = zs.stream().mapToDouble(Double::doubleValue).toArray();
        Map<String, double[]> env = new HashMap<>(Map.of("x", x));
        for (Assign a : symbols.body()) {
            env.put(a.target(), Interpreter.eval(a.value(), env, x.length));
        }
        double[] values = Interpreter.eval(phi, env, x.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Numbers.phi1(x[i]), values[i], 0, "phi1(" + x[i] + ")");
        }
    }
}
