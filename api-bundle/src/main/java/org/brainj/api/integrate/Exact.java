package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact solution over one step of a linear system with constant coefficients,
 * {@code x' = A x + b} (what NEST and Brian2 use for LIF-type models): per variable
 * {@code e^(a dt) x + phi1(a dt) b dt} when the equations are decoupled, the matrix exponential
 * of the augmented system when they are coupled. Nonlinear systems are refused, naming the variable.
 */
public final class Exact implements OdeScheme {
    public static final String NAME = "exact";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt) {
        VectorField.Affine<S> system = f.affine(t);
        if (!system.isDiagonal()) {
            return ar.affineFlow(system, x, dt);
        }
        List<String> names = f.variables();
        List<S> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            S a = system.a().get(i).get(i);
            S b = system.b().get(i);
            if (a == null) {
                out.add(ar.add(x.get(i), ar.multiply(dt, b)));
            } else {
                S phi = ar.let(names.get(i) + "_phi", ar.phi1(ar.multiply(a, dt)));
                S rate = ar.add(ar.multiply(a, x.get(i)), b);
                out.add(ar.add(x.get(i), ar.multiply(ar.multiply(dt, phi), rate)));
            }
        }
        return out;
    }
}
