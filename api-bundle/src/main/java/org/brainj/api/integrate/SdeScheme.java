package org.brainj.api.integrate;

import java.util.List;

/** One step of an SDE method, written once for any {@link Arithmetic}. */
public interface SdeScheme {
    /** The state at {@code t + dt}: the step's Wiener increments are {@code sqrt(dt) * noise.normal(j)}. */
    <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise, SdeType type);

    /** How many standard normals one step draws for {@code wieners} Wiener processes. */
    default int draws(int wieners) {
        return wieners;
    }

    /** {@code dW_j = sqrt(dt) N_j}, named so a step program computes each once. */
    static <S> List<S> increments(Arithmetic<S> ar, int m, S dt, Noise<S> noise) {
        S sqrtDt = ar.let("sqrt_dt", ar.sqrt(dt));
        List<S> dw = new java.util.ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            dw.add(ar.let("dW" + j, ar.multiply(sqrtDt, noise.normal(j))));
        }
        return dw;
    }

    /** {@code x_i + sum_j w * g_ij dW_j} for each variable, {@code w} a constant factor. */
    static <S> List<S> plusNoise(Arithmetic<S> ar, List<S> x, double w, List<List<S>> g, List<S> dw) {
        List<S> out = new java.util.ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            S v = x.get(i);
            for (int j = 0; j < dw.size(); j++) {
                S term = ar.multiply(g.get(i).get(j), dw.get(j));
                v = ar.add(v, w == 1 ? term : ar.multiply(ar.constant(w), term));
            }
            out.add(v);
        }
        return out;
    }
}
