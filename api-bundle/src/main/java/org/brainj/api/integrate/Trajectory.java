package org.brainj.api.integrate;

import java.util.List;
import org.brainj.api.UnknownNameException;

/**
 * The states of an integration: {@code states[k]} at {@code times[k]}, {@code k = 0} the initial state.
 */
public record Trajectory(List<String> variables, double[] times, double[][] states) {
    public Trajectory {
        variables = List.copyOf(variables);
    }

    /** The values of one variable over time. */
    public double[] of(String variable) {
        int i = variables.indexOf(variable);
        if (i < 0) {
            throw new UnknownNameException("variable", variable, variables);
        }
        double[] v = new double[times.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = states[k][i];
        }
        return v;
    }

    /** The final state. */
    public double[] last() {
        return states[states.length - 1].clone();
    }

    public int size() {
        return times.length;
    }
}
