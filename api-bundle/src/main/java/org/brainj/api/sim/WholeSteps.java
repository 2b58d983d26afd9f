package org.brainj.api.sim;

/**
 * Times that must fall on the step grid (a run's duration, a delay, a monitor's period, a noise
 * interval), judged once for every entry point: a time is a whole number of steps of dt when
 * {@code time / dt} is within a billionth (relative) of an integer, which absorbs the binary
 * noise of {@code 0.1 * 3} but not a tenth of a step.
 */
public final class WholeSteps {
    private static final double TOLERANCE = 1e-9;

    private WholeSteps() {
    }

    /** Whether {@code time} (ms) is a whole number of steps of {@code dt} (ms). */
    public static boolean isWhole(double time, double dt) {
        double steps = time / dt;
        return Math.abs(steps - Math.rint(steps)) <= TOLERANCE * Math.max(1, Math.abs(steps));
    }

    /** The number of steps of {@code dt} in {@code time}, rounded to the nearest. */
    public static long count(double time, double dt) {
        return Math.round(time / dt);
    }

    /** {@code 0.25 ms is not a whole number of steps of dt = 0.1 ms}: the fault, for a message. */
    public static String notWhole(double time, double dt) {
        return Times.format(time) + " is not a whole number of steps of dt = " + Times.format(dt);
    }

    /**
     * {@code use 0.2 ms or 0.3 ms}: the multiples of dt either side of {@code time}, for a fix;
     * below one step only {@code use 0.1 ms}, since a time that had to be a whole number of steps
     * is rarely meant to be none.
     */
    public static String nearest(double time, double dt) {
        double below = Math.floor(time / dt);
        double above = Math.ceil(time / dt);
        return "use " + (below >= 1 ? Times.format(below * dt) + " or " : "") + Times.format(above * dt);
    }
}
