package org.brainj.api.expr;

import java.util.Collection;
import java.util.TreeSet;

/** A differential equation {@code dX/dt} for a variable {@code X} that the model does not declare. */
public class UndeclaredDerivativeException extends EquationException {
    private static final long serialVersionUID = 1L;
    private final String variable;

    public UndeclaredDerivativeException(int line, int column, String variable, String why) {
        super(line, column, "derivative of undeclared variable '" + variable + "': " + why);
        this.variable = variable;
    }

    public UndeclaredDerivativeException(int line, int column, String variable, Collection<String> declared) {
        this(line, column, variable, "declare it as a state variable or use one of: "
                + String.join(", ", new TreeSet<>(declared)));
    }

    public String variable() {
        return variable;
    }
}
