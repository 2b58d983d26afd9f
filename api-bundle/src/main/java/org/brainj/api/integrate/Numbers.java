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

    /** {@code (exp(z) - 1) / z} by Kahan's formula, the same expression step programs evaluate. */
    public static double phi1(double z) {
        double u = Math.exp(z);
        return u == 1 ? 1 : (u - 1) / Math.log(u);
    }

    /** Through the augmented matrix {@code [[A dt, b dt], [0, 0]]}, whose exponential holds both parts. */
    @Override
    public List<Double> affineFlow(VectorField.Affine<Double> system, List<Double> x, Double dt) {
        int n = x.size();
        double[][] m = new double[n + 1][n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Double aij = system.a().get(i).get(j);
                m[i][j] = aij == null ? 0 : aij * dt;
            }
            m[i][n] = system.b().get(i) * dt;
        }
        double[][] e = MatrixExponential.expm(m);
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double v = e[i][n];
            for (int j = 0; j < n; j++) {
                v += e[i][j] * x.get(j);
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
