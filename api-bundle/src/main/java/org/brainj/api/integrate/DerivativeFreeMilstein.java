package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code milstein}: the derivative-free Milstein scheme of Kloeden and Platen ("Numerical
 * Solution of SDEs", 1992, 11.1), as the reference provides: the derivative {@code g'g} is
 * replaced by the difference of {@code g} at the supporting values
 * {@code Y^j = x + f dt + g^j sqrt(dt)} (Itô; for Stratonovich {@code Y^j = x + g^j sqrt(dt)},
 * since there the weight {@code dW^2/2} has mean {@code dt/2} and the drift in the supporting
 * value would add a bias of order {@code dt^1.5} a step, capping the strong order at 0.5):
 * {@code x + f dt + sum_j g^j dW_j + sum_{j1,j2} (g^j2(Y^j1) - g^j2(x)) I_(j1,j2) / sqrt(dt)}.
 * The iterated integrals are those of commutative noise, {@code I_(j1,j2) = dW_j1 dW_j2 / 2}
 * minus {@code dt/2} on the diagonal for Itô: exact for scalar and commutative (e.g. diagonal)
 * noise; Lévy areas are not simulated. Strong order 1 there.
 */
public final class DerivativeFreeMilstein implements SdeScheme {
    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise,
                            SdeType type) {
        List<String> names = f.variables();
        int m = f.noiseCount();
        List<S> dw = SdeScheme.increments(ar, m, dt, noise);
        S sqrtDt = ar.sqrt(dt);
        List<S> drift = ar.let(names, "_f", f.drift(t, x));
        List<List<S>> g = ar.letMatrix(names, "_g", f.diffusion(t, x));
        List<S> euler = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            euler.add(ar.add(x.get(i), ar.multiply(dt, drift.get(i))));
        }
        List<S> out = SdeScheme.plusNoise(ar, euler, 1, g, dw);
        for (int j1 = 0; j1 < m; j1++) {
            List<S> support = new ArrayList<>(x.size());
            for (int i = 0; i < x.size(); i++) {
                S base = type == SdeType.ITO ? euler.get(i) : x.get(i);
                support.add(ar.add(base, ar.multiply(g.get(i).get(j1), sqrtDt)));
            }
            support = ar.let(names, "_Y" + j1, support);
            List<List<S>> gSupport = ar.letMatrix(names, "_gY" + j1, f.diffusion(t, support));
            for (int j2 = 0; j2 < m; j2++) {
                S iterated = ar.multiply(ar.constant(0.5), ar.multiply(dw.get(j1), dw.get(j2)));
                if (j1 == j2 && type == SdeType.ITO) {
                    iterated = ar.subtract(iterated, ar.multiply(ar.constant(0.5), dt));
                }
                S weight = ar.let("I" + j1 + "_" + j2, ar.divide(iterated, sqrtDt));
                for (int i = 0; i < x.size(); i++) {
                    S dg = ar.subtract(gSupport.get(i).get(j2), g.get(i).get(j2));
                    out.set(i, ar.add(out.get(i), ar.multiply(dg, weight)));
                }
            }
        }
        return out;
    }
}
