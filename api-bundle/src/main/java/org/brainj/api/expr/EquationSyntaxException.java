package org.brainj.api.expr;

/** Text that is not a statement or expression of the equation language. */
public class EquationSyntaxException extends EquationException {
    private static final long serialVersionUID = 1L;

    public EquationSyntaxException(int line, int column, String message) {
        super(line, column, message);
    }

    public EquationSyntaxException(int line, int column, String message, Throwable cause) {
        super(line, column, message, cause);
    }
}
