package org.brainj.api.sim;

/**
 * A state variable became NaN or infinite during a run. The run stops; everything monitors
 * recorded up to the failing step is kept.
 */
public class NonFiniteStateException extends SimulationException {
    private static final long serialVersionUID = 1L;
    private final String group;
    private final String variable;
    private final double time;

    public NonFiniteStateException(String group, String variable, double time, double lastGoodTime) {
        super("group '" + group + "': variable '" + variable + "' became NaN or infinite at t = " + Times.format(time)
                + " (it was finite at t = " + Times.format(lastGoodTime) + "); the integration is unstable: use a smaller dt"
                + " or a more stable method (exponential_euler, rk4), or check the parameters and inputs."
                + " The data recorded so far is kept in the monitors.");
        this.group = group;
        this.variable = variable;
        this.time = time;
    }

    public String group() {
        return group;
    }

    public String variable() {
        return variable;
    }

    /** The time at which the non-finite value was found. */
    public double time() {
        return time;
    }
}
