package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.connect.GeometryException;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Rows;

/**
 * The reference's {@code MatConn}: a (numPre x numPost) matrix, a synapse wherever an entry is
 * non-zero. A boolean matrix makes unweighted synapses, a numeric one ({@code weighted}) carries
 * each entry as the synapse's weight.
 */
public record MatConn(double[][] mat, boolean weighted) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("conn_mat", "", "the matrix, one row per pre neuron: booleans, or numbers used as weights"));

    public MatConn {
        for (double[] row : mat) {
            if (row.length != mat[0].length) {
                throw new InvalidParameterException("MatConn", "conn_mat", "(ragged rows)", "give rows of equal length");
            }
        }
        mat = java.util.Arrays.stream(mat).map(double[]::clone).toArray(double[][]::new);
    }

    /** Synapses where {@code mat[i][j]} is true. */
    public static MatConn of(boolean[][] mat) {
        double[][] m = new double[mat.length][];
        for (int i = 0; i < mat.length; i++) {
            m[i] = new double[mat[i].length];
            for (int j = 0; j < mat[i].length; j++) {
                m[i][j] = mat[i][j] ? 1 : 0;
            }
        }
        return new MatConn(m, false);
    }

    /** Synapses where {@code weights[i][j] != 0}, with that weight. */
    public static MatConn of(double[][] weights) {
        return new MatConn(weights, true);
    }

    public static MatConn of(Parameters p) {
        List<?> rows = p.list("conn_mat");
        boolean bool = rows.stream().allMatch(r -> r instanceof List<?> l && l.stream().allMatch(Boolean.class::isInstance));
        double[][] m = rows.stream().map(r -> {
            if (!(r instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Number || x instanceof Boolean)) {
                throw new InvalidParameterException("MatConn", "conn_mat", rows, "give a list of rows of numbers or booleans");
            }
            return l.stream().mapToDouble(x -> x instanceof Boolean b ? (b ? 1 : 0) : ((Number) x).doubleValue()).toArray();
        }).toArray(double[][]::new);
        return new MatConn(m, !bool);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return java.util.Arrays.stream(mat).mapToLong(r -> java.util.Arrays.stream(r).filter(x -> x != 0).count()).sum();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int cols = mat.length == 0 ? 0 : mat[0].length;
        if (mat.length != pre.size() || (pre.size() > 0 && cols != post.size())) {
            throw new GeometryException("MatConn: the matrix is " + mat.length + " x " + cols + " but the populations are "
                    + pre.size() + " (pre) and " + post.size() + " (post); give a numPre x numPost matrix");
        }
        Rows rows = new Rows(pre.size(), post.size(), 16, weighted);
        for (double[] row : mat) {
            for (int j = 0; j < row.length; j++) {
                if (row[j] != 0) {
                    if (weighted) {
                        rows.add(j, row[j]);
                    } else {
                        rows.add(j);
                    }
                }
            }
            rows.endRow();
        }
        return rows.build();
    }
}
