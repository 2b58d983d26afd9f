package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.List;

/** {@link Arithmetic} on doubles: what stand-alone integration runs on. */
public final class Numbers implements Arithmetic<Double> {
    public static final Numbers INSTANCE = new Numbers();

    private Numbers() {
    }

    @Override
    public Double constant(double value) {
        return value;
    }

    @Override
    public Double add(Double a, Double b) {
        return a + b;
    }

    @Override
    public Double subtract(Double a, Double b) {
        return a - b;
    }

    @Override
    public Double multiply(Double a, Double b) {
        return a * b;
    }

    @Override
    public Double divide(Double a, Double b) {
        return a / b;
    }

    @Override
    public Double sqrt(Double a) {
        return Math.sqrt(a);
    }

    @Override
    public Double phi1(Double z) {
        return phi1(z.doubleValue());
    }

    /** Below this {@code |z|}, {@link #phi1} sums its Taylor series. */
    static final double PHI1_SERIES_BELOW = 0.5;
    /** The Taylor coefficients of {@code phi1} from {@code z^0}: {@code 1/(k+1)!}, to {@code z^13}. */
    static final double[] PHI1_SERIES = phi1Series(14);

    /**
     * {@code (exp(z) - 1) / z}, the same expression step programs evaluate: within 2 ulp of
     * {@code expm1(z) / z} (Brian2's {@code exprel}) for every {@code z}, with one {@code exp} and
     * no {@code log} (Kahan's {@code (u - 1) / log(u)} costs both, and Java 17's {@code expm1} is
     * slower still). Where {@code |z| >= 1/2} the quotient loses at most an ulp of {@code exp(z)}
     * relative to {@code |exp(z) - 1| >= 0.39}; below, the series to {@code z^13} by Horner's rule
     * leaves out less than {@code 2^-14 / 15!} (2e-17).
     */
    public static double phi1(double z) {
        if (Math.abs(z) < PHI1_SERIES_BELOW) {
            double sum = PHI1_SERIES[PHI1_SERIES.length - 1];
            for (int k = PHI1_SERIES.length - 2; k >= 0; k--) {
                sum = PHI1_SERIES[k] + z * sum;
            }
            return sum;
        }
        return (Math.exp(z) - 1) / z;
    }

    private static double[] phi1Series(int terms) {
        double[] c = new double[terms];
        double factorial = 1;
        for (int k = 0; k < terms; k++) {
            factorial *= k + 1;
            c[k] = 1 / factorial;
        }
        return c;
    }

    @Override
    public List<Double> affineFlow(List<String> variables, VectorField.Affine<Double> system, List<Double> x,
                                   Double dt) {
        int n = x.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Double aij = system.a().get(i).get(j);
                a[i][j] = aij == null ? 0 : aij;
            }
        }
        double[][][] p = Exact.propagators(a, dt);
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += p[0][i][j] * x.get(j);
            }
            for (int j = 0; j < n; j++) {
                v += p[1][i][j] * system.b().get(j);
            }
            out.add(v);
        }
        return out;
    }

    @Override
    public Double let(String name, Double value) {
        return value;
    }
}
