package org.brainj.api.expr;

import org.brainj.api.BrainJException;

/** A fault in equation text, located by line and column (both from 1). */
public class EquationException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String problem;

    public EquationException(int line, int column, String message) {
        super("line " + line + ", column " + column + ": " + message);
        this.line = line;
        this.column = column;
        this.problem = message;
    }

    public EquationException(int line, int column, String message, Throwable cause) {
        super("line " + line + ", column " + column + ": " + message, cause);
        this.line = line;
        this.column = column;
        this.problem = message;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What is wrong, without the line and column. */
    public String problem() {
        return problem;
    }
}
