package org.brainj.api.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DerivativeTest {

    @Test
    void handDerivedDerivatives() {
        // d/dV [(-(V - V_rest) + R*I) / tau] = -1/tau
        assertEquals(ExpressionParser.parse("-1.0 / tau"),
                Derivative.of(ExpressionParser.parse("(-(V - V_rest) + R*I) / tau"), "V"));
        // d/dx 3*x = 3
        assertEquals(new Expr.Const(3), Derivative.of(ExpressionParser.parse("3*x"), "x"));
        // d/dy of an expression without y is 0
        assertEquals(new Expr.Const(0), Derivative.of(ExpressionParser.parse("exp(x)*sin(x)"), "y"));
        // d/dx x^3 = 3 x^2 -> 12 at x = 2
        assertEquals(12, at(Derivative.of(ExpressionParser.parse("x^3"), "x"), 2), 1e-12);
        // d/dx exp(2x) = 2 exp(2x) -> 2e at x = 0.5
        assertEquals(2 * Math.E, at(Derivative.of(ExpressionParser.parse("exp(2*x)"), "x"), 0.5), 1e-12);
        // d/dx 2^x = 2^x ln 2 -> 8 ln 2 at x = 3
        assertEquals(8 * Math.log(2), at(Derivative.of(ExpressionParser.parse("2^x"), "x"), 3), 1e-12);
    }

    @Test
    void piecewiseDerivatives() {
        Expr relu = Derivative.of(ExpressionParser.parse("where(x > 0, x^2, -x)"), "x");
        assertEquals(3.0, at(relu, 1.5), 1e-12);   // 2x at 1.5
        assertEquals(-1.0, at(relu, -1.5), 1e-12); // -1
        Expr abs = Derivative.of(ExpressionParser.parse("abs(3*x)"), "x");
        assertEquals(-3.0, at(abs, -1), 1e-12);
        assertEquals(3.0, at(abs, 1), 1e-12);
        assertEquals(new Expr.Const(0), Derivative.of(ExpressionParser.parse("floor(x) + ceil(x) + (x > 1)"), "x"));
        Expr max = Derivative.of(ExpressionParser.parse("max(x^2, 1)"), "x");
        assertEquals(4.0, at(max, 2), 1e-12);
        assertEquals(0.0, at(max, 0.5), 1e-12);
        Expr min = Derivative.of(ExpressionParser.parse("min(x^2, 1)"), "x");
        assertEquals(0.0, at(min, 2), 1e-12);
        assertEquals(1.0, at(min, 0.5), 1e-12);
    }

    /** Central finite differences, independent of the symbolic rules, at random points. */
    @Test
    void matchesFiniteDifferences() {
        String[] cases = {
            "exp(x*y) - log(x + 3) + log10(x + 3)", "sqrt(x^2 + 1) * sin(y*x)", "cos(x)/(1 + y^2)",
            "tan(x/3) + tanh(x*y)", "sinh(x) - cosh(y*x)", "sigmoid(2*x - y)", "x^y", "(x + 3)^(x/2)",
            "abs(x - 0.1) * y", "min(x, y*x) + max(x^3, y)", "where(x*y > 0.2, x^2, y/x)",
            "-(x - y)^3 / (2 + x^2)", "x / y / (1 + x)", "0.04*x^2 + 5*x + 140 - y + 3"
        };
        Random random = new Random(42);
        for (String text : cases) {
            Expr e = ExpressionParser.parse(text);
            Expr dx = Derivative.of(e, "x");
            for (int i = 0; i < 50; i++) {
                double x = 0.3 + random.nextDouble() * 1.5;
                double y = 0.5 + random.nextDouble() * 1.5;
                double h = 1e-6;
                double fd = (value(e, x + h, y) - value(e, x - h, y)) / (2 * h);
                double exact = value(dx, x, y);
                if (Math.abs(fd - exact) > 1e-4 * Math.max(1, Math.abs(exact))) {
                    // near a kink of a piecewise expression the finite difference straddles two
                    // pieces; a real mismatch survives moving the point slightly
                    double fd2 = (value(e, x + 1e-3 + h, y) - value(e, x + 1e-3 - h, y)) / (2 * h);
                    assertEquals(fd2, value(dx, x + 1e-3, y), 1e-4 * Math.max(1, Math.abs(fd2)), text + " at x=" + x);
                }
            }
        }
    }

    private static double at(Expr e, double x) {
        return Interpreter.eval(e, Map.of("x", x));
    }

    private static double value(Expr e, double x, double y) {
        return Interpreter.eval(e, Map.of("x", x, "y", y));
    }
}
