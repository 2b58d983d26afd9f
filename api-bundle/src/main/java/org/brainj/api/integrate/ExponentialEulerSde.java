package org.brainj.api.integrate;

import java.util.List;

/**
 * {@code exponential_euler} for Itô SDEs: the exponential Euler step of the drift
 * ({@link ExponentialEuler}) plus {@code g dW}.
 */
public final class ExponentialEulerSde implements SdeScheme {
    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise,
                            SdeType type) {
        List<S> dw = SdeScheme.increments(ar, f.noiseCount(), dt, noise);
        List<List<S>> g = ar.letMatrix(f.variables(), "_g", f.diffusion(t, x));
        return SdeScheme.plusNoise(ar, ExponentialEuler.deterministic(ar, f, t, x, dt), 1, g, dw);
    }
}
