package org.brainj.api.expr;

import static org.brainj.api.expr.ExpressionParser.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.junit.jupiter.api.Test;

class SimplifyInterpreterTest {

    @Test
    void simplifications() {
        assertEquals(parse("x"), Simplify.of(parse("x*1 + 0")));
        assertEquals(parse("0"), Simplify.of(parse("0*x")));
        assertEquals(parse("x"), Simplify.of(parse("-(-x)")));
        assertEquals(parse("7"), Simplify.of(parse("2*3 + 1")));
        assertEquals(parse("y - x"), Simplify.of(parse("-(x - y)")));
        assertEquals(parse("x - y"), Simplify.of(parse("x + -y")));
        assertEquals(parse("1"), Simplify.of(parse("x^0")));
        assertEquals(parse("a"), Simplify.of(parse("where(2 > 1, a, b)")));
        assertEquals(parse("a"), Simplify.of(parse("where(x > 1, a, a)")));
        assertEquals(parse("0"), Simplify.of(parse("x - x")));
        // not folded: the result would be infinite, left for run time
        assertEquals(parse("1 / 0"), Simplify.of(parse("1/0")));
    }

    @Test
    void simplifyKeepsValues() {
        RandomExprs random = new RandomExprs(11);
        for (int i = 0; i < 2000; i++) {
            Expr e = random.tree(5);
            Expr s = Simplify.of(e);
            Map<String, Double> env = Map.of("x", random.value(), "y", random.value(), "z", random.value());
            double expected = Interpreter.eval(e, env);
            double actual = Interpreter.eval(s, env);
            if (Double.isFinite(expected)) {
                assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), Printer.print(e));
            }
        }
    }

    @Test
    void interpreterAgreesWithJavaMath() {
        Map<String, Double> env = Map.of("x", 0.7, "y", -1.3);
        double x = 0.7;
        double y = -1.3;
        assertEquals(Math.exp(x) + Math.log(x) - Math.log10(x) * Math.sqrt(x) + Math.abs(y),
                Interpreter.eval(parse("exp(x) + log(x) - log10(x)*sqrt(x) + abs(y)"), env), 0);
        assertEquals(Math.sin(x) * Math.cos(y) / Math.tan(x) + Math.tanh(y) - Math.sinh(x) * Math.cosh(y),
                Interpreter.eval(parse("sin(x)*cos(y)/tan(x) + tanh(y) - sinh(x)*cosh(y)"), env), 0);
        assertEquals(1 / (1 + Math.exp(-y)) + Math.floor(y) + Math.ceil(y) + Math.min(x, y) * Math.max(x, y),
                Interpreter.eval(parse("sigmoid(y) + floor(y) + ceil(y) + min(x, y)*max(x, y)"), env), 0);
        assertEquals(Math.pow(x, y), Interpreter.eval(parse("x^y"), env), 0);
        assertEquals(x > y ? x : y, Interpreter.eval(parse("where(x > y, x, y)"), env), 0);
        assertEquals(1.0 + 5, Interpreter.eval(parse("(x > y) + 5"), env), 0);
    }

    @Test
    void arrayEvaluationBroadcastsShared() {
        double[] v = {-70, -60, -50};
        double[] out = Interpreter.eval(parse("(-(V - V_rest)) / tau"),
                Map.of("V", v, "V_rest", new double[] {-65}, "tau", new double[] {10}), 3);
        assertArrayEquals(new double[] {0.5, -0.5, -1.5}, out, 1e-12); // -(v + 65) / 10 by hand
        assertThrows(UnknownNameException.class, () -> Interpreter.eval(parse("q"), Map.of("V", v), 3));
        assertThrows(ShapeMismatchException.class, () -> Interpreter.eval(parse("V"), Map.of("V", new double[2]), 3));
    }

    @Test
    void substitutionIsSimultaneous() {
        Expr e = Substitute.of(parse("x*y"), Map.of("x", parse("x + 1"), "y", parse("x")));
        assertEquals(parse("(x + 1)*x"), e);
        assertEquals(Set.of("x", "y", "z"), FreeVars.of(parse("x + where(y > 0, z, x)")));
        assertEquals(List.of("z", "y", "x"), List.copyOf(FreeVars.of(parse("z*y - x + z"))));
    }
}
