package org.brainj.api.integrate;

/**
 * An event of a trajectory, in the style of Hipparchus's {@code ODEEventDetector}: the zeros of a
 * switching function {@code g(t, x)}, such as a threshold crossing ({@code g = V - V_th}) or a
 * Poincaré section. {@link Odeint#integrate} locates each sign change of {@code g} within the
 * step where it happens, by re-stepping from the step's start (so to the method's own accuracy,
 * not by interpolation), and reports it to {@link #eventOccurred}.
 */
public interface EventDetector {
    /** Which sign changes of {@code g} count. */
    enum Direction { INCREASING, DECREASING, BOTH }

    /** What the integration does after an event. */
    enum Action { CONTINUE, STOP }

    /** The switching function; its zeros are the events. */
    double g(double t, double[] x);

    default Direction direction() {
        return Direction.BOTH;
    }

    /** The time to which an event is located; the default is a millionth of the step. */
    default double timeTolerance(double dt) {
        return dt * 1e-6;
    }

    /** Called at each event with the located time and state; {@link Action#STOP} ends the integration there. */
    Action eventOccurred(double t, double[] x, boolean increasing);
}
