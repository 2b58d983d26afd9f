package org.brainj.api.integrate;

/**
 * Sees every accepted step of {@link Odeint#integrate}, in the style of Hipparchus's
 * {@code ODEStepHandler}: to record, plot or check a trajectory without keeping it all.
 */
@FunctionalInterface
public interface StepHandler {
    /** Called once per accepted step, from {@code x0} at {@code t0} to {@code x1} at {@code t1}; the arrays are copies. */
    void handleStep(double t0, double[] x0, double t1, double[] x1);
}
