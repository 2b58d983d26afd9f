package org.brainj.api.expr;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A call of a function the language does not have; the message lists those it has. */
public class UnknownFunctionException extends EquationException {
    private static final long serialVersionUID = 1L;
    private final String name;

    public UnknownFunctionException(int line, int column, String name) {
        super(line, column, "unknown function '" + name + "'; known: " + known());
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The functions of the language, as users write them. */
    public static String known() {
        return Arrays.stream(Expr.Fn.values()).map(Expr.Fn::label).sorted().collect(Collectors.joining(", "))
                + ", where";
    }
}
