package org.brainj.api.spi;

import org.brainj.api.BrainJException;

/**
 * A parameter value that a model or connector cannot use: the message names the owner, the
 * parameter, the value given and what the value must be instead.
 */
public class InvalidParameterException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final String owner;
    private final String parameter;

    /**
     * @param owner       who takes the parameter ({@code "FixedProb"})
     * @param parameter   its name ({@code "prob"})
     * @param value       the value given, as shown to the user
     * @param requirement what a valid value is, phrased as the fix ({@code "give a probability in [0, 1]"})
     */
    public InvalidParameterException(String owner, String parameter, Object value, String requirement) {
        super(owner + ": parameter '" + parameter + "' = " + show(value) + " is invalid; " + requirement);
        this.owner = owner;
        this.parameter = parameter;
    }

    private static String show(Object value) {
        if (value instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        if (value instanceof double[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(value);
    }

    public String owner() {
        return owner;
    }

    public String parameter() {
        return parameter;
    }
}
