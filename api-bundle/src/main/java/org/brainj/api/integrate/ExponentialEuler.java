package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Exponential Euler: per variable, with the linear coefficient {@code A = d f/d x} from the
 * symbolic derivative, {@code x + dt * phi1(A dt) * f(x)} where {@code phi1(z) = (e^z - 1)/z}.
 * Exact for an equation linear in its own variable with coefficients constant over the step.
 */
public final class ExponentialEuler implements OdeScheme {
    public static final String NAME = "exponential_euler";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt) {
        return deterministic(ar, f, t, x, dt);
    }

    /** {@code x + dt * phi1(A dt) * f(x)}: also the deterministic part of the SDE method. */
    static <S> List<S> deterministic(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt) {
        List<String> names = f.variables();
        List<S> dx = ar.let(names, "_f", f.drift(t, x));
        List<S> linear = ar.let(names, "_linear", f.linearCoefficients(t, x));
        List<S> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            S phi = ar.let(names.get(i) + "_phi", ar.phi1(ar.multiply(linear.get(i), dt)));
            out.add(ar.add(x.get(i), ar.multiply(ar.multiply(dt, phi), dx.get(i))));
        }
        return out;
    }
}
