package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Unit;
import org.brainj.api.expr.Lexer.Token;
import org.brainj.api.expr.Statement.Kind;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.api.units.UnitFormatException;

/**
 * Reads equation text, one statement a line (Brian2's format):
 * <pre>
 * dV/dt = (-(V - V_rest) + R*I) / tau : volt (unless refractory)   # a differential equation
 * I_syn = g*(E - V) : amp                                          # a subexpression
 * I : amp                                                          # a per-element parameter
 * </pre>
 * {@code #} starts a comment; blank lines are skipped.
 */
final class EquationParser {
    /** Trailing flags: words, spaces and commas in parentheses at the end of the line. */
    private static final Pattern FLAGS = Pattern.compile("\\(([A-Za-z_][A-Za-z_0-9 ,]*)\\)\\s*$");
    /** Brian2's flags: refractory clamping, values fixed during a run, one value for the whole group. */
    static final List<String> KNOWN_FLAGS = List.of("unless refractory", "constant", "constant over dt", "shared");

    private EquationParser() {
    }

    static List<Statement> parse(String text) {
        List<Statement> statements = new ArrayList<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            if (!code.isBlank()) {
                statements.add(statement(code, i + 1));
            }
        }
        return statements;
    }

    private static Statement statement(String code, int line) {
        int colon = code.indexOf(':');
        if (colon < 0) {
            int at = code.length() - code.stripLeading().length() + 1;
            throw new EquationSyntaxException(line, at, "missing ': unit' at the end of the statement; "
                    + "write e.g. 'dV/dt = -V/tau : volt', or ': 1' for a dimensionless variable");
        }
        List<Token> tokens = Lexer.tokens(code.substring(0, colon), line, 1);
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
        Expr rhs = null;
        int rhsColumn = first.column();
        if (kind != Kind.PARAMETER) {
            p.expect("=", "after " + (kind == Kind.DIFFERENTIAL ? "d" + variable + "/dt" : variable));
            rhsColumn = p.peek().column();
            rhs = p.expression();
        }
        p.expectEnd();
        checkName(variable, line, first.column());

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
                    throw new EquationSyntaxException(line, colon + 2 + m.start(1), "unknown flag '" + flag + "'; known: "
                            + String.join(", ", KNOWN_FLAGS));
                }
            }
            tail = tail.substring(0, m.start());
        }
        Unit<?> unit = unit(tail, line, colon + 2);
        Positions positions = rhs == null ? Positions.none(line, first.column()) : p.positions(rhsColumn);
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
