package org.brainj.api.integrate;

/**
 * An accepted adaptive step: the state {@code x} at {@code t}, the step {@code dt} it took, the
 * error estimate of that step, the step {@code dtNext} proposed for the next one, and how many
 * attempts were rejected before it.
 */
public record AdaptiveStep(double[] x, double t, double dt, double error, double dtNext, int rejected) {
}
