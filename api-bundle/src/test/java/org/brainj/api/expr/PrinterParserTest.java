package org.brainj.api.expr;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.neg;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.pow;
import static org.brainj.api.expr.Exprs.sub;
import static org.brainj.api.expr.Exprs.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrinterParserTest {

    /**
     * Nesting is bounded as in Python (200 levels: "too many nested parentheses"), with its own
     * message at the place it is exceeded instead of a stack overflow: the issue's 1000 nested
     * parentheses, 20,000 unary minuses, an unclosed run of parentheses and nested calls.
     */
    @Test
    void nestingPastTheLimitIsRefusedWhereItIsExceeded() {
        int limit = ExpressionParser.MAX_DEPTH;
        assertEquals(3.0, eval("(".repeat(limit) + "3" + ")".repeat(limit)), "the limit itself parses");
        assertEquals(3.0, eval("-".repeat(limit) + "3" + (limit % 2 == 0 ? "" : "*-1")));
        for (String text : new String[] {"(".repeat(1000) + "V" + ")".repeat(1000), "-".repeat(20_000) + "V",
                "(".repeat(1000), "abs(".repeat(300) + "V" + ")".repeat(300), "2^".repeat(300) + "2"}) {
            EquationSyntaxException e = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse(text));
            assertTrue(e.getMessage().contains("nested more than 200 levels deep"), e.getMessage());
            assertTrue(e.getMessage().contains("split it with intermediate variables"), e.getMessage());
        }
        // a literal past float64 is refused where it is written, not read as infinity
        EquationSyntaxException big = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse("V * 1e999"));
        assertTrue(big.getMessage().contains("the number 1e999 is beyond float64"), big.getMessage());
        assertEquals(Double.POSITIVE_INFINITY, eval("inf"), "inf written as such stays");
        assertEquals(1.7e308, eval("1.7e308"));
        // a long flat sum is not nesting: 2000 terms parse (left to right, as Python adds them)
        assertEquals(2000.0, eval("1" + " + 1".repeat(1999)));
    }

    @Test
    void precedenceFollowsPython() {
        // Python: -2**2 == -4, 2**3**2 == 512, 2*3+4 == 10, 1 - 2 - 3 == -4, 12 / 2 / 3 == 2
        assertEquals(-4, eval("-2^2"));
        assertEquals(512, eval("2**3**2"));
        assertEquals(10, eval("2*3+4"));
        assertEquals(-4, eval("1 - 2 - 3"));
        assertEquals(2, eval("12 / 2 / 3"));
        assertEquals(0.25, eval("2^-2"));
        assertEquals(0.5, eval(".5"));
        assertEquals(1e-3, eval("1e-3"));
        // Python: (1 < 2) and not (3 < 2) or False -> True
        assertEquals(1, eval("1 < 2 and not 3 < 2 or 0"));
        assertEquals(1, eval("1 < 2 && !(3 < 2) || 0"));
    }

    @Test
    void treesAreBuiltAsWritten() {
        Expr x = var("x");
        assertEquals(sub(sub(x, num(1)), var("y")), ExpressionParser.parse("x - 1 - y"));
        assertEquals(neg(pow(x, num(2))), ExpressionParser.parse("-x^2"));
        assertEquals(mul(num(-2), x), ExpressionParser.parse("-2*x"));
        assertEquals(add(x, mul(var("R"), var("I"))), ExpressionParser.parse("x + R*I"));
        assertEquals(pow(x, num(-0.5)), ExpressionParser.parse("x ** -0.5"));
    }

    @Test
    void printedTreesReadBackEqual() {
        RandomExprs random = new RandomExprs(7);
        for (int i = 0; i < 2000; i++) {
            Expr e = random.tree(5);
            String text = Printer.print(e);
            assertEquals(e, ExpressionParser.parse(text), text);
        }
    }

    @Test
    void printerUsesFewParentheses() {
        assertEquals("(V - V_rest) / tau", Printer.print(ExpressionParser.parse("(V - V_rest) / tau")));
        assertEquals("a - (b - c)", Printer.print(ExpressionParser.parse("a - (b - c)")));
        assertEquals("-(2.0)", Printer.print(neg(num(2))));
        assertEquals("(-x)^2.0", Printer.print(pow(neg(var("x")), num(2))));
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        EquationSyntaxException e = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse("a + * b"));
        assertEquals(5, e.column());
        e = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse("(a + b"));
        assertEquals(7, e.column());
        e = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse("a $ b"));
        assertEquals(3, e.column());
        UnknownFunctionException f = assertThrows(UnknownFunctionException.class, () -> ExpressionParser.parse("1 + expp(x)"));
        assertEquals(5, f.column());
        assertEquals(true, f.getMessage().contains("exp, floor"), f.getMessage());
        e = assertThrows(EquationSyntaxException.class, () -> ExpressionParser.parse("max(x)"));
        assertEquals(1, e.column());
    }

    private static double eval(String text) {
        return Interpreter.eval(ExpressionParser.parse(text), Map.of());
    }
}
