package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Unit;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Lexer.Token;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * Reads model text: equations, conditions and assignments, all of one grammar. Equations are one
 * statement a line (Brian2's format):
 * <pre>
 * dV/dt = (-(V - V_rest) + R*I) / tau : volt (unless refractory)   # a differential equation
 * I_syn = g*(E - V) : amp                                          # a subexpression
 * I : amp                                                          # a per-element parameter
 * </pre>
 * {@code #} starts a comment; blank lines are skipped; {@code ;} separates statements on one
 * line. A statement without {@code : unit} is a
 * number (BrainPy's style). Lines and columns in errors are those of the {@link Source}.
 */
final class EquationParser {
    /** Trailing flags: words, spaces and commas in parentheses at the end of the line. */
    private static final Pattern FLAGS = Pattern.compile("\\(([A-Za-z_][A-Za-z_0-9 ,-]*)\\)\\s*$");
    /**
     * Brian2's flags: refractory clamping, values fixed during a run, one value for the whole
     * group; and the synapses' own: equations integrated only at events or every step, and a
     * post-synaptic variable set to the sum over the synapses.
     */
    static final List<String> KNOWN_FLAGS = List.of("unless refractory", "constant", "constant over dt", "shared",
            "event-driven", "clock-driven", "summed");

    private EquationParser() {
    }

    static List<Statement> parse(Source source) {
        List<Statement> statements = new ArrayList<>();
        forEachLine(source, (code, line) -> {
            // several statements may share a line, separated by ';' (as on a command line)
            int from = 0;
            for (int semicolon = code.indexOf(';'); from <= code.length(); semicolon = code.indexOf(';', from)) {
                int end = semicolon < 0 ? code.length() : semicolon;
                String part = code.substring(from, end);
                if (!part.isBlank()) {
                    statements.add(statement(part, line, source.column() + from));
                }
                from = end + 1;
            }
        });
        return statements;
    }

    /**
     * Assignments such as a reset, one a line or several separated by {@code ;}:
     * {@code v = v_r}, {@code w += b}.
     */
    static List<Assignment> assignments(Source source) {
        List<Assignment> assignments = new ArrayList<>();
        forEachLine(source, (code, line) -> {
            List<Token> tokens = Lexer.tokens(code, line, source.column());
            int from = 0;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.is(";") || t.kind() == Lexer.Kind.END) {
                    List<Token> part = new ArrayList<>(tokens.subList(from, i));
                    part.add(new Token(Lexer.Kind.END, t.kind() == Lexer.Kind.END ? t.text() : "';'", t.column()));
                    if (part.size() > 1) {
                        assignments.add(assignment(new ExpressionParser(part, line)));
                    }
                    from = i + 1;
                }
            }
        });
        return assignments;
    }

    /** A condition such as a threshold: one expression, on one line. */
    static Statement condition(Source source, String name) {
        List<Statement> found = new ArrayList<>();
        forEachLine(source, (code, line) -> {
            List<Token> tokens = Lexer.tokens(code, line, source.column());
            ExpressionParser p = new ExpressionParser(tokens, line);
            if (!found.isEmpty()) {
                throw p.error(tokens.get(0), "a condition is one expression on one line; join the lines with 'and' or 'or'");
            }
            int start = p.peek().column();
            Expr e = p.expression();
            p.expectEnd();
            found.add(new Statement(Kind.SUBEXPRESSION, name, e, PhysicalUnits.ONE, List.of(), line, start, p.positions(start)));
        });
        if (found.isEmpty()) {
            throw new EquationSyntaxException(source.line(), source.column(), "the condition is empty; write one such as 'v > -50*mV'");
        }
        return found.get(0);
    }

    private static Assignment assignment(ExpressionParser p) {
        Token target = p.take();
        if (target.kind() != Lexer.Kind.IDENT) {
            throw p.error(target, "an assignment starts with the variable it sets, as in 'v = v_reset', not "
                    + ExpressionParser.describe(target));
        }
        Token op = p.take();
        BinOp augmented = switch (op.text()) {
            case "=" -> null;
            case "+=" -> BinOp.ADD;
            case "-=" -> BinOp.SUB;
            case "*=" -> BinOp.MUL;
            case "/=" -> BinOp.DIV;
            default -> throw p.error(op, "expected '=', '+=', '-=', '*=' or '/=' after " + target.text() + ", found "
                    + ExpressionParser.describe(op));
        };
        int start = p.peek().column();
        Expr value = p.expression();
        p.expectEnd();
        if (augmented != null) {
            value = p.at(op, new Expr.Bin(augmented, p.at(target, new Expr.Var(target.text())), value));
        }
        return new Assignment(target.text(), value, p.line(), target.column(), p.positions(start));
    }

    /** Calls {@code each} with the code of every line that is not blank once its {@code #} comment is cut. */
    private static void forEachLine(Source source, java.util.function.BiConsumer<String, Integer> each) {
        String[] lines = source.text().split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            if (!code.isBlank()) {
                each.accept(code, source.line() + i);
            }
        }
    }

    private static Statement statement(String code, int line, int firstColumn) {
        int colon = code.indexOf(':');
        String lhsAndRhs = colon < 0 ? code : code.substring(0, colon);
        List<Token> tokens = Lexer.tokens(lhsAndRhs, line, firstColumn);
        ExpressionParser p = new ExpressionParser(tokens, line);
        Token first = p.peek();
        if (first.kind() != Lexer.Kind.IDENT) {
            throw p.error(first, "a statement starts with 'dX/dt =', 'X =' or 'X :', not " + ExpressionParser.describe(first));
        }
        p.take();
        Kind kind;
        String variable;
        if (p.peek().is("/")) {
            variable = differentialVariable(p, first, line);
            kind = Kind.DIFFERENTIAL;
        } else {
            variable = first.text();
            kind = p.peek().is("=") ? Kind.SUBEXPRESSION : Kind.PARAMETER;
        }
        if (kind == Kind.PARAMETER && colon < 0) {
            throw p.error(p.peek(), "expected '=' after " + variable + ", or ': unit' to declare it a parameter"
                    + " (e.g. '" + variable + " : volt', or ': 1' for a number)");
        }
        Expr rhs = null;
        int rhsColumn = first.column();
        if (kind != Kind.PARAMETER) {
            p.expect("=", "after " + (kind == Kind.DIFFERENTIAL ? "d" + variable + "/dt" : variable));
            rhsColumn = p.peek().column();
            rhs = p.expression();
        }
        p.expectEnd();
        checkName(variable, line, first.column());
        Positions positions = rhs == null ? Positions.none(line, first.column()) : p.positions(rhsColumn);
        if (colon < 0) {
            // BrainPy's style: no unit written, a number (time in ms)
            return new Statement(kind, variable, rhs, PhysicalUnits.ONE, List.of(), line, first.column(), positions);
        }

        int tailColumn = firstColumn + colon + 1;
        String tail = code.substring(colon + 1);
        List<String> flags = List.of();
        Matcher m = FLAGS.matcher(tail);
        if (m.find()) {
            flags = Arrays.stream(m.group(1).split(","))
                    .map(f -> String.join(" ", f.trim().split("\\s+")))
                    .filter(f -> !f.isEmpty())
                    .toList();
            for (String flag : flags) {
                if (!KNOWN_FLAGS.contains(flag)) {
                    throw new EquationSyntaxException(line, tailColumn + m.start(1), "unknown flag '" + flag + "'; known: "
                            + String.join(", ", KNOWN_FLAGS));
                }
            }
            tail = tail.substring(0, m.start());
        }
        Unit<?> unit = unit(tail, line, tailColumn);
        return new Statement(kind, variable, rhs, unit, flags, line, first.column(), positions);
    }

    /** Reads {@code dX / dt} after the token {@code dX}; the variable is X. */
    private static String differentialVariable(ExpressionParser p, Token dx, int line) {
        p.take();
        Token dt = p.take();
        if (!dx.text().startsWith("d") || dx.text().length() < 2 || !dt.is("dt")) {
            int column = dx.text().startsWith("d") ? dt.column() : dx.column();
            throw new EquationSyntaxException(line, column, "expected a time derivative 'dX/dt', found '"
                    + dx.text() + "/" + dt.text() + "'; equations are differential in time only");
        }
        return dx.text().substring(1);
    }

    private static void checkName(String variable, int line, int column) {
        if (variable.equals("t") || variable.equals("dt") || Equations.isNoise(variable)) {
            throw new EquationSyntaxException(line, column, "'" + variable + "' is reserved (t and dt are time, xi... "
                    + "are noise terms); rename the variable");
        }
    }

    private static Unit<?> unit(String text, int line, int column) {
        if (text.isBlank()) {
            throw new EquationSyntaxException(line, column, "missing unit after ':'; write e.g. ': volt', or ': 1' "
                    + "for a dimensionless variable");
        }
        try {
            return PhysicalUnits.parse(text);
        } catch (UnitFormatException e) {
            throw new EquationSyntaxException(line, column + e.index(), e.getMessage(), e);
        }
    }
}
