package org.brainj.api.integrate;

import java.util.Arrays;
import org.brainj.api.BrainJException;

/**
 * An explicit Runge-Kutta method as data: stage coefficients {@code a} (strictly lower
 * triangular, row {@code i} holds {@code a[i][0..i-1]}), weights {@code b}, nodes {@code c}, and
 * for an embedded pair the weights {@code bHat} of the lower-order solution used for the error
 * estimate (the step itself always propagates {@code b}, the higher order).
 *
 * @param name          the reference's name, e.g. {@code rk4}
 * @param a             stage coefficients, {@code a[i].length == i}
 * @param b             weights of the propagated solution
 * @param c             nodes, {@code c[i] = sum_j a[i][j]}
 * @param bHat          weights of the embedded solution, or {@code null} when not an embedded pair
 * @param order         order of the propagated solution
 * @param embeddedOrder order of the embedded solution, 0 when not an embedded pair
 */
public record ButcherTableau(String name, double[][] a, double[] b, double[] c, double[] bHat, int order,
                             int embeddedOrder) {
    private static final double ROW_SUM_TOLERANCE = 1e-12;

    public ButcherTableau {
        int s = b.length;
        if (a.length != s || c.length != s || (bHat != null && bHat.length != s)) {
            throw new BrainJException("Butcher tableau '" + name + "': a, b, c (and bHat) must all have "
                    + s + " stages");
        }
        a = Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
        for (int i = 0; i < s; i++) {
            if (a[i].length != i) {
                throw new BrainJException("Butcher tableau '" + name + "': row " + i + " of a must have " + i
                        + " entries (explicit methods only)");
            }
            double sum = Arrays.stream(a[i]).sum();
            if (Math.abs(sum - c[i]) > ROW_SUM_TOLERANCE) {
                throw new BrainJException("Butcher tableau '" + name + "': c[" + i + "] = " + c[i]
                        + " but row " + i + " of a sums to " + sum);
            }
        }
        b = b.clone();
        c = c.clone();
        bHat = bHat == null ? null : bHat.clone();
        if ((bHat == null) != (embeddedOrder == 0)) {
            throw new BrainJException("Butcher tableau '" + name + "': give bHat and an embedded order together");
        }
    }

    /** An explicit method without error estimate. */
    public static ButcherTableau explicit(String name, int order, double[] c, double[][] a, double[] b) {
        return new ButcherTableau(name, a, b, c, null, order, 0);
    }

    /** An embedded pair: {@code b} of order {@code order} is propagated, {@code bHat} estimates the error. */
    public static ButcherTableau embedded(String name, int order, int embeddedOrder, double[] c, double[][] a,
                                          double[] b, double[] bHat) {
        return new ButcherTableau(name, a, b, c, bHat, order, embeddedOrder);
    }

    public int stages() {
        return b.length;
    }

    public boolean isEmbedded() {
        return bHat != null;
    }

    /** Row {@code i} of the stage coefficients (a copy). */
    public double[] a(int i) {
        return a[i].clone();
    }

    /** The error weights {@code b - bHat}. */
    public double[] errorWeights() {
        if (bHat == null) {
            throw new BrainJException("method '" + name + "' has no embedded error estimate");
        }
        double[] e = new double[b.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = b[i] - bHat[i];
        }
        return e;
    }

    @Override
    public double[][] a() {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public double[] b() {
        return b.clone();
    }

    @Override
    public double[] c() {
        return c.clone();
    }

    @Override
    public double[] bHat() {
        return bHat == null ? null : bHat.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ButcherTableau t && name.equals(t.name) && Arrays.deepEquals(a, t.a)
                && Arrays.equals(b, t.b) && Arrays.equals(c, t.c) && Arrays.equals(bHat, t.bHat)
                && order == t.order && embeddedOrder == t.embeddedOrder;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(b);
    }

    @Override
    public String toString() {
        return "ButcherTableau[" + name + ", order " + order
                + (bHat == null ? "" : "(" + embeddedOrder + ")") + ", " + stages() + " stages]";
    }
}
