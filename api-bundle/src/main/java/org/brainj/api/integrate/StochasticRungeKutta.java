package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/**
 * The one integrator for {@link SriTableau}s (scalar noise, Itô): with {@code I_1 = dW},
 * {@code I_(1,0) = h (dW + dZ / sqrt(3)) / 2}, {@code I_(1,1) = (dW^2 - h) / 2},
 * {@code I_(1,1,1) = (dW^3 - 3 h dW) / 6} ({@code dZ} an independent N(0, h) draw),
 * <pre>
 * H0_i = x + h sum_j a0_ij f(H0_j) + I_(1,0)/h sum_j b0_ij g(H1_j)
 * H1_i = x + h sum_j a1_ij f(H0_j) + sqrt(h) sum_j b1_ij g(H1_j)
 * x'   = x + h sum_i alpha_i f(H0_i) + sum_i (beta1_i I_1 + beta2_i I_(1,1)/sqrt(h)
 *                                          + beta3_i I_(1,0)/h + beta4_i I_(1,1,1)/h) g(H1_i)
 * </pre>
 * Stages whose values no later formula uses are not computed.
 */
public record StochasticRungeKutta(SriTableau tableau) implements SdeScheme {

    @Override
    public int draws(int wieners) {
        return 2;
    }

    @Override
    public <S> List<S> step(Arithmetic<S> ar, VectorField<S> f, S t, List<S> x, S dt, Noise<S> noise,
                            SdeType type) {
        SriTableau tab = tableau;
        List<String> names = f.variables();
        int s = tab.stages();
        S sqrtDt = ar.let("sqrt_dt", ar.sqrt(dt));
        S i1 = ar.let("I1", ar.multiply(sqrtDt, noise.normal(0)));
        S dz = ar.multiply(sqrtDt, noise.normal(1));
        S i10 = ar.let("I10", ar.multiply(ar.multiply(ar.constant(0.5), dt),
                ar.add(i1, ar.divide(dz, ar.constant(Math.sqrt(3))))));
        S i11 = ar.let("I11", ar.multiply(ar.constant(0.5), ar.subtract(ar.multiply(i1, i1), dt)));
        S i111 = ar.let("I111", ar.divide(ar.subtract(ar.multiply(i1, ar.multiply(i1, i1)),
                ar.multiply(ar.constant(3), ar.multiply(dt, i1))), ar.constant(6)));
        S i10OverDt = ar.divide(i10, dt);

        boolean[] needF = new boolean[s];
        boolean[] needG = new boolean[s];
        for (int j = 0; j < s; j++) {
            needF[j] = tab.alpha()[j] != 0;
            needG[j] = tab.beta1()[j] != 0 || tab.beta2()[j] != 0 || tab.beta3()[j] != 0 || tab.beta4()[j] != 0;
            for (int i = j + 1; i < s; i++) {
                needF[j] |= tab.a0()[i][j] != 0 || tab.a1()[i][j] != 0;
                needG[j] |= tab.b0()[i][j] != 0 || tab.b1()[i][j] != 0;
            }
        }
        List<List<S>> fH0 = new ArrayList<>();
        List<List<S>> gH1 = new ArrayList<>();
        for (int i = 0; i < s; i++) {
            List<S> fi = null;
            List<S> gi = null;
            if (needF[i]) {
                List<S> h0 = stage(ar, x, dt, tab.a0()[i], fH0, i10OverDt, tab.b0()[i], gH1);
                h0 = i == 0 ? x : ar.let(names, "_H0s" + (i + 1), h0);
                fi = ar.let(names, "_fH0s" + (i + 1), f.drift(at(ar, t, tab.c0(i), dt), h0));
            }
            if (needG[i]) {
                List<S> h1 = stage(ar, x, dt, tab.a1()[i], fH0, sqrtDt, tab.b1()[i], gH1);
                h1 = i == 0 ? x : ar.let(names, "_H1s" + (i + 1), h1);
                gi = scalar(f.diffusion(at(ar, t, tab.c1(i), dt), h1));
                gi = ar.let(names, "_gH1s" + (i + 1), gi);
            }
            fH0.add(fi);
            gH1.add(gi);
        }
        List<S> out = new ArrayList<>(x);
        for (int i = 0; i < s; i++) {
            if (tab.alpha()[i] != 0) {
                for (int v = 0; v < x.size(); v++) {
                    out.set(v, ar.add(out.get(v),
                            ar.multiply(ar.multiply(ar.constant(tab.alpha()[i]), dt), fH0.get(i).get(v))));
                }
            }
            if (needWeight(tab, i)) {
                S w = ar.let("w" + (i + 1), weight(ar, tab, i, i1, i11, i10, i111, sqrtDt, dt));
                for (int v = 0; v < x.size(); v++) {
                    out.set(v, ar.add(out.get(v), ar.multiply(w, gH1.get(i).get(v))));
                }
            }
        }
        return out;
    }

    private static boolean needWeight(SriTableau tab, int i) {
        return tab.beta1()[i] != 0 || tab.beta2()[i] != 0 || tab.beta3()[i] != 0 || tab.beta4()[i] != 0;
    }

    private static <S> S weight(Arithmetic<S> ar, SriTableau tab, int i, S i1, S i11, S i10, S i111, S sqrtDt,
                                S dt) {
        List<S> terms = List.of(i1, ar.divide(i11, sqrtDt), ar.divide(i10, dt), ar.divide(i111, dt));
        double[] w = {tab.beta1()[i], tab.beta2()[i], tab.beta3()[i], tab.beta4()[i]};
        return ar.combine(ar.constant(0), ar.constant(1), w, terms);
    }

    /** {@code x + h sum_j a_j f_j + scale sum_j b_j g_j} over the stages before this one. */
    private static <S> List<S> stage(Arithmetic<S> ar, List<S> x, S dt, double[] a, List<List<S>> f, S scale,
                                     double[] b, List<List<S>> g) {
        List<S> out = new ArrayList<>(x);
        for (int j = 0; j < f.size(); j++) {
            for (int v = 0; v < x.size(); v++) {
                if (a[j] != 0) {
                    out.set(v, ar.add(out.get(v), ar.multiply(ar.multiply(ar.constant(a[j]), dt), f.get(j).get(v))));
                }
                if (b[j] != 0) {
                    out.set(v, ar.add(out.get(v), ar.multiply(ar.multiply(ar.constant(b[j]), scale), g.get(j).get(v))));
                }
            }
        }
        return out;
    }

    private static <S> S at(Arithmetic<S> ar, S t, double c, S dt) {
        return c == 0 ? t : ar.add(t, ar.multiply(ar.constant(c), dt));
    }

    private static <S> List<S> scalar(List<List<S>> g) {
        List<S> out = new ArrayList<>(g.size());
        for (List<S> row : g) {
            out.add(row.get(0));
        }
        return out;
    }
}
