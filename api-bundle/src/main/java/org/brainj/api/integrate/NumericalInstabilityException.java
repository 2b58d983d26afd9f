package org.brainj.api.integrate;

import org.brainj.api.BrainJException;

/** A variable became NaN or infinite: the integration went unstable. Names the variable and the time. */
public class NumericalInstabilityException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final String variable;
    private final double time;

    public NumericalInstabilityException(String variable, double time, double value, String method, double dt) {
        super("variable '" + variable + "' became " + value + " at t = " + time + " (method " + method + ", dt = "
                + dt + "): the integration is unstable; use a smaller dt or a more stable method "
                + "(rk4, exponential_euler, an adaptive method)");
        this.variable = variable;
        this.time = time;
    }

    public String variable() {
        return variable;
    }

    public double time() {
        return time;
    }
}
