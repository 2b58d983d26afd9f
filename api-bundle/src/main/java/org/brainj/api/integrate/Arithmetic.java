package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations the integration schemes are written in. With numbers ({@link Numbers}) a scheme
 * advances a few variables; with expressions it writes the step program of a population. Writing
 * each scheme once over this interface keeps the stand-alone and the compiled update identical.
 *
 * @param <S> a scalar: a number, or an expression of the step program
 */
public interface Arithmetic<S> {
    S constant(double value);

    S add(S a, S b);

    S subtract(S a, S b);

    S multiply(S a, S b);

    S divide(S a, S b);

    S sqrt(S a);

    /**
     * {@code (exp(z) - 1) / z}, continued by 1 at {@code z = 0}: its Taylor series where
     * {@code |z| < 1/2}, else the quotient, within 2 ulp of {@code expm1(z) / z} (see {@link Numbers#phi1}).
     */
    S phi1(S z);

    /**
     * Names an intermediate value, so later uses refer to it instead of repeating it: a step
     * program gets a temporary assignment, numbers are returned as they are.
     */
    S let(String name, S value);

    /**
     * The exact flow over {@code dt} of the coupled linear system {@code x' = A x + b} of
     * {@code variables}: {@code exp(A dt) x + (int_0^dt exp(A s) ds) b} (see {@link Exact}).
     */
    List<S> affineFlow(List<String> variables, VectorField.Affine<S> system, List<S> x, S dt);

    /** Names each variable's value as {@code <variable><suffix>} (see {@link #let}). */
    default List<S> let(List<String> variables, String suffix, List<S> values) {
        List<S> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            out.add(let(variables.get(i) + suffix, values.get(i)));
        }
        return out;
    }

    /** Names each entry {@code g[i][j]} as {@code <variable i><suffix><j>}. */
    default List<List<S>> letMatrix(List<String> variables, String suffix, List<List<S>> g) {
        List<List<S>> out = new ArrayList<>(g.size());
        for (int i = 0; i < g.size(); i++) {
            List<S> row = new ArrayList<>(g.get(i).size());
            for (int j = 0; j < g.get(i).size(); j++) {
                row.add(let(variables.get(i) + suffix + j, g.get(i).get(j)));
            }
            out.add(row);
        }
        return out;
    }

    /** {@code base + scale * sum_j weights[j] * terms[j]}, skipping zero weights (data, not values). */
    default S combine(S base, S scale, double[] weights, List<S> terms) {
        S sum = null;
        for (int j = 0; j < weights.length; j++) {
            if (weights[j] != 0) {
                S term = weights[j] == 1 ? terms.get(j) : multiply(constant(weights[j]), terms.get(j));
                sum = sum == null ? term : add(sum, term);
            }
        }
        return sum == null ? base : add(base, multiply(scale, sum));
    }

    /** Elementwise {@code x + scale * sum_j weights[j] * k_j} over the variables. */
    default List<S> combine(List<S> x, S scale, double[] weights, List<List<S>> k) {
        List<S> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            List<S> terms = new ArrayList<>(weights.length);
            for (int j = 0; j < weights.length; j++) {
                terms.add(k.get(j).get(i));
            }
            out.add(combine(x.get(i), scale, weights, terms));
        }
        return out;
    }
}
