package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code euler}: Euler-Maruyama for Itô SDEs, {@code x + f dt + g dW}; for Stratonovich SDEs the
 * Euler-Heun scheme (as the reference), whose diffusion is averaged over the start and the
 * predictor {@code x + g dW}: {@code x + f dt + (g(x) + g(x + g dW)) dW / 2}.
 */
public final class EulerSde implements SdeScheme {
    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise,
                            SdeType type) {
        List<String> names = f.variables();
        List<S> dw = SdeScheme.increments(ar, f.noiseCount(), dt, noise);
        List<S> drift = ar.let(names, "_f", f.drift(t, x));
        List<List<S>> g = ar.letMatrix(names, "_g", f.diffusion(t, x));
        List<S> deterministic = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            deterministic.add(ar.add(x.get(i), ar.multiply(dt, drift.get(i))));
        }
        if (type == SdeType.ITO) {
            return SdeScheme.plusNoise(ar, deterministic, 1, g, dw);
        }
        List<S> predictor = ar.let(names, "_bar", SdeScheme.plusNoise(ar, x, 1, g, dw));
        List<List<S>> gBar = ar.letMatrix(names, "_gbar", f.diffusion(t, predictor));
        return SdeScheme.plusNoise(ar, SdeScheme.plusNoise(ar, deterministic, 0.5, g, dw), 0.5, gBar, dw);
    }
}
