package org.brainj.api.expr;

/**
 * One statement of a reset or an event (Brian2's {@code v = v_r}, {@code w += b}): the target
 * gets {@code value}, in which an augmented assignment ({@code +=}, {@code -=}, {@code *=},
 * {@code /=}) already reads the target.
 *
 * @param target    the variable assigned
 * @param value     the new value
 * @param line      where the statement is, in the user's text
 * @param column    where it starts
 * @param positions where each node of {@code value} is
 */
public record Assignment(String target, Expr value, int line, int column, Positions positions) {
    /** This assignment as a statement of equations named {@code name}, of {@code unit}, to check it with them. */
    public Statement asStatement(String name, javax.measure.Unit<?> unit) {
        return new Statement(Statement.Kind.SUBEXPRESSION, name, value, unit, java.util.List.of(), line, column, positions);
    }
}
