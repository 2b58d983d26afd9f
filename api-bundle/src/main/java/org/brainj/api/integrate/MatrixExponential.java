package org.brainj.api.integrate;

import org.brainj.api.BrainJException;

/**
 * The exponential of a small dense matrix by scaling and squaring with the [13/13] Padé
 * approximant (Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J. Matrix Anal. Appl. 26, 2005), for the {@code exact} method's tiny systems, after a
 * diagonal balancing by powers of two. Neuron models couple variables of very different units
 * (a current drives the membrane through {@code 1 / C_m}, about {@code 4e9} in SI), so without
 * balancing the norm would call for some 17 squarings, each doubling the relative error of the
 * decay factors on the diagonal (Al-Mohy and Higham's overscaling); a similarity by powers of
 * two changes no rounding of the Padé step, only how far it must scale.
 */
final class MatrixExponential {
    private static final double THETA13 = 5.371920351148152;
    private static final double[] B = {64764752532480000.0, 32382376266240000.0, 7771770303897600.0,
        1187353796428800.0, 129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0};

    private MatrixExponential() {
    }

    static double[][] expm(double[][] a) {
        double[] d = balance(a);
        int n = a.length;
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = a[i][j] * d[j] / d[i];
            }
        }
        double[][] e = scaledPade(b);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                e[i][j] = e[i][j] * d[i] / d[j];
            }
        }
        return e;
    }

    /**
     * {@code d} (powers of two) such that {@code D^-1 a D} has off-diagonal rows and columns of
     * comparable size (Osborne's iteration, as LAPACK's {@code dgebal} scales). A variable that
     * only drives others, or is only driven (a one-way coupling, as synaptic current onto the
     * membrane, where the iteration has nothing to balance), is scaled until its off-diagonal
     * part is no larger than the largest diagonal entry or 1. Every step shrinks the sum of the
     * off-diagonal magnitudes, so the iteration ends.
     */
    private static double[] balance(double[][] a) {
        int n = a.length;
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        double floor = 1;
        for (int i = 0; i < n; i++) {
            floor = Math.max(floor, Math.abs(a[i][i]));
        }
        boolean changed = true;
        for (int sweep = 0; changed && sweep < 64; sweep++) {
            changed = false;
            for (int i = 0; i < n; i++) {
                double c = 0;
                double r = 0;
                for (int k = 0; k < n; k++) {
                    if (k != i) {
                        c += Math.abs(a[k][i] * d[i] / d[k]);
                        r += Math.abs(a[i][k] * d[k] / d[i]);
                    }
                }
                double f = 1;
                if (c == 0 && r > floor) {
                    f = Math.scalb(1.0, Math.getExponent(r / floor) + 1);
                } else if (r == 0 && c > floor) {
                    f = Math.scalb(1.0, -Math.getExponent(c / floor) - 1);
                } else if (c > 0 && r > 0) {
                    double g = Math.scalb(1.0, Math.getExponent(r / c) / 2);
                    f = c * g + r / g < 0.95 * (c + r) ? g : 1;
                }
                if (f != 1) {
                    d[i] *= f;
                    changed = true;
                }
            }
        }
        return d;
    }

    private static double[][] scaledPade(double[][] a) {
        int n = a.length;
        double norm = norm1(a);
        int s = norm > THETA13 ? (int) Math.ceil(Math.log(norm / THETA13) / Math.log(2)) : 0;
        double[][] x = scale(a, Math.pow(2, -s));
        double[][] x2 = multiply(x, x);
        double[][] x4 = multiply(x2, x2);
        double[][] x6 = multiply(x2, x4);
        double[][] id = identity(n);
        double[][] u = multiply(x, sum(multiply(x6, sum(B[13], x6, B[11], x4, B[9], x2)),
                sum(B[7], x6, B[5], x4, B[3], x2), scale(id, B[1])));
        double[][] v = sum(multiply(x6, sum(B[12], x6, B[10], x4, B[8], x2)),
                sum(B[6], x6, B[4], x4, B[2], x2), scale(id, B[0]));
        double[][] r = solve(subtract(v, u), add(v, u));
        for (int i = 0; i < s; i++) {
            r = multiply(r, r);
        }
        return r;
    }

    private static double norm1(double[][] a) {
        double max = 0;
        for (int j = 0; j < a.length; j++) {
            double col = 0;
            for (double[] row : a) {
                col += Math.abs(row[j]);
            }
            max = Math.max(max, col);
        }
        return max;
    }

    private static double[][] identity(int n) {
        double[][] id = new double[n][n];
        for (int i = 0; i < n; i++) {
            id[i][i] = 1;
        }
        return id;
    }

    private static double[][] scale(double[][] a, double f) {
        double[][] r = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                r[i][j] = f * a[i][j];
            }
        }
        return r;
    }

    private static double[][] sum(double c1, double[][] a1, double c2, double[][] a2, double c3, double[][] a3) {
        return add(add(scale(a1, c1), scale(a2, c2)), scale(a3, c3));
    }

    private static double[][] sum(double[][] a1, double[][] a2, double[][] a3) {
        return add(add(a1, a2), a3);
    }

    private static double[][] add(double[][] a, double[][] b) {
        double[][] r = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                r[i][j] = a[i][j] + b[i][j];
            }
        }
        return r;
    }

    private static double[][] subtract(double[][] a, double[][] b) {
        return add(a, scale(b, -1));
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    r[i][j] += aik * b[k][j];
                }
            }
        }
        return r;
    }

    /** {@code p^-1 q} by Gaussian elimination with partial pivoting. */
    private static double[][] solve(double[][] p, double[][] q) {
        int n = p.length;
        double[][] m = scale(p, 1);
        double[][] r = scale(q, 1);
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(m[i][col]) > Math.abs(m[pivot][col])) {
                    pivot = i;
                }
            }
            if (m[pivot][col] == 0) {
                throw new BrainJException("matrix exponential: singular Padé denominator; the matrix norm "
                        + norm1(p) + " is out of range");
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            t = r[col];
            r[col] = r[pivot];
            r[pivot] = t;
            for (int i = col + 1; i < n; i++) {
                double f = m[i][col] / m[col][col];
                for (int j = col; j < n; j++) {
                    m[i][j] -= f * m[col][j];
                }
                for (int j = 0; j < n; j++) {
                    r[i][j] -= f * r[col][j];
                }
            }
        }
        for (int col = n - 1; col >= 0; col--) {
            for (int j = 0; j < n; j++) {
                double v = r[col][j];
                for (int k = col + 1; k < n; k++) {
                    v -= m[col][k] * r[k][j];
                }
                r[col][j] = v / m[col][col];
            }
        }
        return r;
    }
}
