package org.brainj.analysis;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;

/**
 * Classifies a fixed point from its Jacobian, by the reference's rules: in 1-d the sign of
 * {@code f'}; in 2-d the trace {@code p}, determinant {@code q} and discriminant
 * {@code p^2 - 4q} (Strogatz, "Nonlinear Dynamics and Chaos", 5.2); in 3-d the signs of the real
 * parts of the eigenvalues and whether a complex pair exists. Zero tests allow rounding: a value
 * counts as zero within {@code 1e-10} of the Jacobian's size, so a center computed from a
 * nonlinear system is still a center. A 2-d double eigenvalue is a star when {@code J} is a
 * multiple of the identity (every direction is an eigenvector) and degenerate otherwise.
 */
public final class Stability {
    private static final double RELATIVE_ZERO = 1e-10;

    private Stability() {
    }

    /** A classified point: its type and the eigenvalues of its Jacobian (real and imaginary parts). */
    public record Result(StabilityType type, double[] eigenReal, double[] eigenImaginary) {
    }

    public static Result classify(double[][] jacobian) {
        int n = jacobian.length;
        Complex[] eigen = n == 1 ? new Complex[] {new Complex(jacobian[0][0])}
                : new EigenDecompositionNonSymmetric(MatrixUtils.createRealMatrix(jacobian)).getEigenvalues();
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = eigen[i].getReal();
            im[i] = eigen[i].getImaginary();
        }
        double scale = 0;
        for (double[] row : jacobian) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double zero = RELATIVE_ZERO * Math.max(scale, 1e-300);
        StabilityType type = switch (n) {
            case 1 -> oneD(jacobian[0][0], zero);
            case 2 -> twoD(jacobian, zero);
            case 3 -> threeD(re, im, zero);
            default -> throw new AnalysisException("stability types are defined for 1, 2 and 3 variables, not " + n
                    + "; fix the other variables (fixed_vars) to analyse at most 3");
        };
        return new Result(type, re, im);
    }

    private static StabilityType oneD(double slope, double zero) {
        if (Math.abs(slope) <= zero) {
            return StabilityType.SADDLE_NODE;
        }
        return slope > 0 ? StabilityType.UNSTABLE_POINT : StabilityType.STABLE_POINT;
    }

    private static StabilityType twoD(double[][] j, double zero) {
        double a = j[0][0];
        double b = j[0][1];
        double c = j[1][0];
        double d = j[1][1];
        double p = a + d;
        double q = a * d - b * c;
        double zero2 = zero * Math.max(zero / RELATIVE_ZERO, 1e-300);
        if (q < -zero2) {
            return StabilityType.SADDLE_NODE;
        }
        if (q <= zero2) {
            return p <= zero ? StabilityType.CENTER_MANIFOLD : StabilityType.UNSTABLE_LINE;
        }
        if (Math.abs(p) <= zero) {
            return StabilityType.CENTER;
        }
        double e = p * p - 4 * q;
        boolean stable = p < 0;
        if (e < -zero2) {
            return stable ? StabilityType.STABLE_FOCUS : StabilityType.UNSTABLE_FOCUS;
        }
        if (e > zero2) {
            return stable ? StabilityType.STABLE_NODE : StabilityType.UNSTABLE_NODE;
        }
        boolean scalar = Math.abs(b) <= zero && Math.abs(c) <= zero;
        if (scalar) {
            return stable ? StabilityType.STABLE_STAR : StabilityType.UNSTABLE_STAR;
        }
        return stable ? StabilityType.STABLE_DEGENERATE : StabilityType.UNSTABLE_DEGENERATE;
    }

    private static StabilityType threeD(double[] re, double[] im, double zero) {
        int negative = 0;
        int positive = 0;
        boolean complex = false;
        for (int i = 0; i < re.length; i++) {
            if (Math.abs(re[i]) <= zero) {
                return StabilityType.UNKNOWN_3D;
            }
            if (re[i] < 0) {
                negative++;
            } else {
                positive++;
            }
            complex |= Math.abs(im[i]) > zero;
        }
        if (negative == 3) {
            return complex ? StabilityType.STABLE_FOCUS : StabilityType.STABLE_NODE;
        }
        if (positive == 3) {
            return complex ? StabilityType.UNSTABLE_FOCUS : StabilityType.UNSTABLE_NODE;
        }
        return complex ? StabilityType.SADDLE_FOCUS : StabilityType.UNSTABLE_SADDLE;
    }
}
