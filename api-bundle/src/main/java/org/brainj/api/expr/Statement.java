package org.brainj.api.expr;

import java.util.List;
import javax.measure.Unit;

/**
 * One line of equations: {@code dV/dt = rhs : unit (flags)}, {@code I_syn = rhs : unit} or
 * {@code I : unit}.
 *
 * @param kind      what the line declares
 * @param variable  the variable it declares
 * @param rhs       the right-hand side; {@code null} for a {@link Kind#PARAMETER}, which has none
 * @param unit      the declared unit of the variable (not of its derivative)
 * @param flags     the flags in parentheses, e.g. {@code unless refractory}, in order
 * @param line      the line in the equation text, from 1
 * @param column    the column where the statement starts, from 1
 * @param positions where each node of {@code rhs} is in the text
 */
public record Statement(Kind kind, String variable, Expr rhs, Unit<?> unit, List<String> flags, int line, int column,
                        Positions positions) {

    public enum Kind {
        /** {@code dX/dt = f : unit}: a state variable and its time derivative. */
        DIFFERENTIAL,
        /** {@code X = f : unit}: a named expression, substituted where it is read. */
        SUBEXPRESSION,
        /** {@code X : unit}: a per-element variable that the equations read but do not define. */
        PARAMETER
    }

    public Statement {
        flags = List.copyOf(flags);
        if ((rhs == null) != (kind == Kind.PARAMETER)) {
            throw new IllegalArgumentException(kind + " " + variable + (rhs == null ? " needs" : " has no") + " right-hand side");
        }
    }

    public boolean hasFlag(String flag) {
        return flags.contains(flag);
    }

    /** The left-hand side as written: {@code dV/dt} or {@code V}. */
    public String lhs() {
        return kind == Kind.DIFFERENTIAL ? "d" + variable + "/dt" : variable;
    }
}
