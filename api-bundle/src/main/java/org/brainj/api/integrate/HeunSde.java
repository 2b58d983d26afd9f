package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code heun}: the stochastic Heun scheme for Stratonovich SDEs (Rümelin 1982), trapezoidal in
 * drift and diffusion over the predictor {@code x + f dt + g dW}. Strong order 1 for commutative
 * noise, 0.5 in general.
 */
public final class HeunSde implements SdeScheme {
    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise,
                            SdeType type) {
        List<String> names = f.variables();
        List<S> dw = SdeScheme.increments(ar, f.noiseCount(), dt, noise);
        List<S> drift = ar.let(names, "_f", f.drift(t, x));
        List<List<S>> g = ar.letMatrix(names, "_g", f.diffusion(t, x));
        List<S> euler = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            euler.add(ar.add(x.get(i), ar.multiply(dt, drift.get(i))));
        }
        List<S> predictor = ar.let(names, "_bar", SdeScheme.plusNoise(ar, euler, 1, g, dw));
        S tNext = ar.add(t, dt);
        List<S> driftBar = ar.let(names, "_fbar", f.drift(tNext, predictor));
        List<List<S>> gBar = ar.letMatrix(names, "_gbar", f.diffusion(tNext, predictor));
        S halfDt = ar.multiply(ar.constant(0.5), dt);
        List<S> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            out.add(ar.add(x.get(i), ar.multiply(halfDt, ar.add(drift.get(i), driftBar.get(i)))));
        }
        return SdeScheme.plusNoise(ar, SdeScheme.plusNoise(ar, out, 0.5, g, dw), 0.5, gBar, dw);
    }
}
