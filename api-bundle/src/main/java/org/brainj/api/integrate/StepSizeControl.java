package org.brainj.api.integrate;

import java.util.List;
import org.brainj.api.BrainJException;

/**
 * Standard step-size control for an embedded pair of orders {@code p(q)} (Hairer, Nørsett and
 * Wanner, "Solving ODEs I", II.4): the error of each variable is weighed against
 * {@code sc_i = tol + rtol * max(|x_i|, |x_i'|)} (absolute tolerance {@code tol}, relative
 * {@code rtol}, 0 by default), a step is accepted when the largest ratio {@code |err_i| / sc_i}
 * is at most 1, and the next step is {@code dt * clamp(safety * (1/ratio)^(1/(q+1)), minFactor, maxFactor)}.
 */
public record StepSizeControl(double tol, double rtol, double safety, double minFactor, double maxFactor) {
    public static final double DEFAULT_SAFETY = 0.9;
    public static final double DEFAULT_MIN_FACTOR = 0.2;
    public static final double DEFAULT_MAX_FACTOR = 5;

    public StepSizeControl {
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw new BrainJException("adaptive tolerance tol (absolute) must be positive, got " + tol);
        }
        if (!(rtol >= 0) || !Double.isFinite(rtol)) {
            throw new BrainJException("relative tolerance rtol must be zero or positive, got " + rtol);
        }
        if (!(safety > 0 && safety <= 1 && minFactor > 0 && minFactor < 1 && maxFactor > 1)) {
            throw new BrainJException("step-size control needs 0 < safety <= 1, 0 < minFactor < 1 < maxFactor");
        }
    }

    /** Absolute tolerance only, as before relative tolerances existed. */
    public StepSizeControl(double tol, double safety, double minFactor, double maxFactor) {
        this(tol, 0, safety, minFactor, maxFactor);
    }

    public static StepSizeControl of(double tol) {
        return of(tol, 0);
    }

    /** Absolute tolerance {@code atol} and relative tolerance {@code rtol}, default safety and factors. */
    public static StepSizeControl of(double atol, double rtol) {
        return new StepSizeControl(atol, rtol, DEFAULT_SAFETY, DEFAULT_MIN_FACTOR, DEFAULT_MAX_FACTOR);
    }

    /** Whether an absolute error estimate meets the absolute tolerance. */
    public boolean accepts(double error) {
        return error <= tol;
    }

    /** The next step after an attempt of size {@code dt} with absolute estimate {@code error} (NaN shrinks most). */
    public double next(double dt, double error, int embeddedOrder) {
        return nextForRatio(dt, error / tol, embeddedOrder);
    }

    /**
     * The largest {@code |error_i| / (tol + rtol * max(|x_i|, |next_i|))} over the variables: at most
     * 1 for an accepted step; NaN when the step went non-finite.
     */
    public double errorRatio(List<Double> error, double[] x, double[] next) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double e = error.get(i);
            if (Double.isNaN(e) || !Double.isFinite(next[i])) {
                return Double.NaN;
            }
            worst = Math.max(worst, Math.abs(e) / (tol + rtol * Math.max(Math.abs(x[i]), Math.abs(next[i]))));
        }
        return worst;
    }

    /** The next step after an attempt of size {@code dt} whose error ratio was {@code ratio}. */
    public double nextForRatio(double dt, double ratio, int embeddedOrder) {
        if (Double.isNaN(ratio)) {
            return dt * minFactor;
        }
        if (ratio == 0) {
            return dt * maxFactor;
        }
        double factor = safety * Math.pow(1 / ratio, 1.0 / (embeddedOrder + 1));
        return dt * Math.min(maxFactor, Math.max(minFactor, factor));
    }
}
