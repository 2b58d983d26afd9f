package org.brainj.api.integrate;

import org.brainj.api.BrainJException;

/**
 * The exponential of a small dense matrix by scaling and squaring with the [13/13] Padé
 * approximant (Higham, "The scaling and squaring method for the matrix exponential revisited",
 * SIAM J. Matrix Anal. Appl. 26, 2005), for the {@code exact} method's tiny systems.
 */
final class MatrixExponential {
    private static final double THETA13 = 5.371920351148152;
    private static final double[] B = {64764752532480000.0, 32382376266240000.0, 7771770303897600.0,
        1187353796428800.0, 129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
        40840800.0, 960960.0, 16380.0, 182.0, 1.0};

    private MatrixExponential() {
    }

    static double[][] expm(double[][] a) {
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
