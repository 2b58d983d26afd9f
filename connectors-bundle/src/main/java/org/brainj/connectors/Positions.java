package org.brainj.connectors;

import org.brainj.api.connect.Geometry;

/** Neuron positions on a geometry: per dimension, index k of n maps to {@code lo + k (hi - lo) / n}. */
final class Positions {
    /** The (lo, hi) range of dimension {@code dim} of size {@code size}. */
    interface Range {
        double[] of(int dim, int size);
    }

    private final Geometry geometry;
    private final double[][] values;
    private final double[] period;

    Positions(Geometry g, Range range) {
        this.geometry = g;
        int rank = g.rank();
        values = new double[rank][];
        period = new double[rank];
        for (int d = 0; d < rank; d++) {
            int n = g.dim(d);
            double[] r = range.of(d, n);
            values[d] = new double[n];
            for (int k = 0; k < n; k++) {
                values[d][k] = r[0] + k * (r[1] - r[0]) / n;
            }
            period[d] = r[1] - r[0];
        }
    }

    /** Squared distance between neurons i and j, wrapping each dimension at its period when asked. */
    double distance2(int i, int j, boolean periodic) {
        double sum = 0;
        for (int d = geometry.rank() - 1; d >= 0; d--) {
            int n = geometry.dim(d);
            double diff = Math.abs(values[d][i % n] - values[d][j % n]);
            if (periodic && diff > period[d] / 2) {
                diff = period[d] - diff;
            }
            sum += diff * diff;
            i /= n;
            j /= n;
        }
        return sum;
    }
}
