package org.brainj.api.integrate;

import org.brainj.api.BrainJException;

/**
 * Standard step-size control for an embedded pair of orders {@code p(q)} (Hairer, Nørsett and
 * Wanner, "Solving ODEs I", II.4): a step is accepted when its error estimate (largest absolute
 * error over the variables) is at most {@code tol}; the next step is
 * {@code dt * clamp(safety * (tol/err)^(1/(q+1)), minFactor, maxFactor)}.
 */
public record StepSizeControl(double tol, double safety, double minFactor, double maxFactor) {
    public static final double DEFAULT_SAFETY = 0.9;
    public static final double DEFAULT_MIN_FACTOR = 0.2;
    public static final double DEFAULT_MAX_FACTOR = 5;

    public StepSizeControl {
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw new BrainJException("adaptive tolerance tol must be positive, got " + tol);
        }
        if (!(safety > 0 && safety <= 1 && minFactor > 0 && minFactor < 1 && maxFactor > 1)) {
            throw new BrainJException("step-size control needs 0 < safety <= 1, 0 < minFactor < 1 < maxFactor");
        }
    }

    public static StepSizeControl of(double tol) {
        return new StepSizeControl(tol, DEFAULT_SAFETY, DEFAULT_MIN_FACTOR, DEFAULT_MAX_FACTOR);
    }

    public boolean accepts(double error) {
        return error <= tol;
    }

    /** The next step after an attempt of size {@code dt} with estimate {@code error} (NaN shrinks most). */
    public double next(double dt, double error, int embeddedOrder) {
        if (Double.isNaN(error)) {
            return dt * minFactor;
        }
        if (error == 0) {
            return dt * maxFactor;
        }
        double factor = safety * Math.pow(tol / error, 1.0 / (embeddedOrder + 1));
        return dt * Math.min(maxFactor, Math.max(minFactor, factor));
    }
}
