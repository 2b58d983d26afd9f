package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/** The one explicit Runge-Kutta integrator, driven by a {@link ButcherTableau}. */
public record ExplicitRungeKutta(ButcherTableau tableau) implements OdeScheme {

    /** A step and, for an embedded pair, its error estimate {@code dt * sum_i (b_i - bHat_i) k_i}. */
    public record Result<S>(List<S> x, List<S> error) {
    }

    @Override
    public String name() {
        return tableau.name();
    }

    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt) {
        return stepWithError(ar, f, t, x, dt, false).x();
    }

    /** A step with the embedded error estimate ({@code error} is {@code null} unless asked for). */
    public <S> Result<S> stepWithError(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, boolean estimate) {
        List<String> names = f.variables();
        List<List<S>> k = new ArrayList<>(tableau.stages());
        double[] c = tableau.c();
        for (int i = 0; i < tableau.stages(); i++) {
            List<S> stage = x;
            if (i > 0) {
                List<S> combined = ar.combine(x, dt, tableau.a(i), k.subList(0, i));
                stage = ar.let(names, "_s" + (i + 1), combined);
            }
            S ti = c[i] == 0 ? t : ar.add(t, ar.multiply(ar.constant(c[i]), dt));
            k.add(ar.let(names, "_k" + (i + 1), f.drift(ti, stage)));
        }
        List<S> next = ar.combine(x, dt, tableau.b(), k);
        List<S> error = null;
        if (estimate) {
            List<S> zeros = new ArrayList<>();
            for (int i = 0; i < x.size(); i++) {
                zeros.add(ar.constant(0));
            }
            error = ar.combine(zeros, dt, tableau.errorWeights(), k);
        }
        return new Result<>(next, error);
    }
}
