package org.brainj.connectors;

import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Geometry;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rows;

/**
 * The weighted Gaussian rules of BrainPy 1.x (GaussianWeight, DOG): a weight that is a sum of
 * Gaussians of the distance, {@code w = sum_k a_k exp(-d^2 / (2 sigma_k^2))}, a synapse where
 * {@code |w| > wMin}. Positions are (row, column) of each sheet; with {@code normalize} they are
 * scaled to [0, 1] (index / (n - 1)), so sheets of different sizes overlay each other.
 */
final class GaussianProfile {
    private GaussianProfile() {
    }

    static Connectivity connect(String owner, Geometry pre, Geometry post, double[] sigmas, double[] amplitudes,
            double wMin, boolean normalize, boolean includeSelf) {
        Check.rank2(owner, pre);
        Check.rank2(owner, post);
        double[][] a = coordinates(pre, normalize);
        double[][] b = coordinates(post, normalize);
        int np = pre.size();
        int nq = post.size();
        Rows rows = new Rows(np, nq, np, true);
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < nq; j++) {
                if (!includeSelf && i == j) {
                    continue;
                }
                double dr = a[0][i] - b[0][j];
                double dc = a[1][i] - b[1][j];
                double d2 = dr * dr + dc * dc;
                double w = 0;
                for (int k = 0; k < sigmas.length; k++) {
                    w += amplitudes[k] * Math.exp(-d2 / (2 * sigmas[k] * sigmas[k]));
                }
                if (Math.abs(w) > wMin) {
                    rows.add(j, w);
                }
            }
            rows.endRow();
        }
        return rows.build();
    }

    /** {rows[], columns[]} of each neuron of a line (one row) or sheet. */
    private static double[][] coordinates(Geometry g, boolean normalize) {
        int height = g.rank() == 2 ? g.dim(0) : 1;
        int width = g.rank() == 2 ? g.dim(1) : g.dim(0);
        double[][] xy = new double[2][g.size()];
        for (int id = 0; id < g.size(); id++) {
            int r = id / width;
            int c = id % width;
            xy[0][id] = normalize ? scale(r, height) : r;
            xy[1][id] = normalize ? scale(c, width) : c;
        }
        return xy;
    }

    private static double scale(int k, int n) {
        return n > 1 ? (double) k / (n - 1) : 0;
    }
}
