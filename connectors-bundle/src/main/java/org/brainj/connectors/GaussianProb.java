package org.brainj.connectors;

import java.util.List;
import java.util.SplittableRandom;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.connect.GeometryException;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rng;
import org.brainj.connectors.internal.Rows;

/**
 * BrainPy's {@code GaussianProb}: on one geometry (pre and post the same), neurons i and j connect
 * with probability {@code p = exp(-d^2 / (2 sigma^2))}, d the Euclidean distance of their
 * positions. Following BrainPy 2.x, the position along a dimension of size n is {@code lo + k (hi
 * - lo) / n} for index k, with {@code encodingValues} giving (lo, hi) (default (0, n): the grid
 * index itself); with {@code periodicBoundary} distances wrap around at hi - lo; {@code
 * normalize} divides each row's probabilities by their maximum; {@code pMin} (BrainPy 1.x) drops
 * probabilities below it. Each row is drawn from its own stream, one uniform per candidate.
 *
 * @param encodingValues null for the default, one {lo, hi} pair for every dimension, or one pair per dimension
 */
public record GaussianProb(double sigma, double[][] encodingValues, boolean periodicBoundary, boolean normalize,
        boolean includeSelf, double pMin, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("sigma", "", "the width of the Gaussian, in position units"),
            ParamSpec.optional("encoding_values", "", ParamSpec.NONE,
                    "the (lo, hi) position range, for all dimensions or one pair per dimension; default (0, size)"),
            ParamSpec.optional("periodic_boundary", "", "false", "whether distances wrap around the range"),
            ParamSpec.optional("normalize", "", "false", "whether to divide each row's probabilities by their maximum"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) may connect"),
            ParamSpec.optional("p_min", "", "0.0", "probabilities below this are set to 0"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public GaussianProb {
        Check.positive("GaussianProb", "sigma", sigma);
        Check.probability("GaussianProb", "p_min", pMin);
        if (encodingValues != null) {
            for (double[] range : encodingValues) {
                if (range.length != 2 || !(range[1] > range[0])) {
                    throw new InvalidParameterException("GaussianProb", "encoding_values", java.util.Arrays.deepToString(encodingValues),
                            "give (lo, hi) pairs with hi > lo");
                }
            }
        }
    }

    public GaussianProb(double sigma) {
        this(sigma, null, false, false, true, 0.0, Rng.freshSeed());
    }

    public static GaussianProb of(Parameters p) {
        return new GaussianProb(p.real("sigma"), p.has("encoding_values") ? ranges(p) : null,
                p.flag("periodic_boundary"), p.flag("normalize"), p.flag("include_self"), p.real("p_min"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    private static double[][] ranges(Parameters p) {
        List<?> items = p.list("encoding_values");
        if (!items.isEmpty() && items.get(0) instanceof Number) {
            return new double[][] {p.reals("encoding_values")};
        }
        return items.stream().map(item -> {
            if (!(item instanceof List<?> pair) || !pair.stream().allMatch(Number.class::isInstance)) {
                throw new InvalidParameterException("GaussianProb", "encoding_values", items,
                        "give [lo, hi] or a list of [lo, hi] pairs, one per dimension");
            }
            return pair.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray();
        }).toArray(double[][]::new);
    }

    public GaussianProb seed(long seed) {
        return new GaussianProb(sigma, encodingValues, periodicBoundary, normalize, includeSelf, pMin, seed);
    }

    public GaussianProb periodicBoundary(boolean periodic) {
        return new GaussianProb(sigma, encodingValues, periodic, normalize, includeSelf, pMin, seed);
    }

    public GaussianProb includeSelf(boolean include) {
        return new GaussianProb(sigma, encodingValues, periodicBoundary, normalize, include, pMin, seed);
    }

    public GaussianProb encodingValues(double lo, double hi) {
        return new GaussianProb(sigma, new double[][] {{lo, hi}}, periodicBoundary, normalize, includeSelf, pMin, seed);
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        if (!pre.equals(post)) {
            throw new GeometryException("GaussianProb needs the same geometry for pre and post; got " + pre + " and "
                    + post + ": give both populations the same shape");
        }
        if (encodingValues != null && encodingValues.length != 1 && encodingValues.length != pre.rank()) {
            throw new InvalidParameterException("GaussianProb", "encoding_values", java.util.Arrays.deepToString(encodingValues),
                    "give one (lo, hi) pair, or one per dimension of " + pre);
        }
        Positions pos = new Positions(pre, this::range);
        int n = pre.size();
        Rows rows = new Rows(n, n, n, false);
        double[] prob = new double[n];
        for (int i = 0; i < n; i++) {
            double max = 0;
            for (int j = 0; j < n; j++) {
                double d2 = pos.distance2(i, j, periodicBoundary);
                prob[j] = Math.exp(-d2 / (2 * sigma * sigma));
                max = Math.max(max, prob[j]);
            }
            SplittableRandom rng = Rng.stream(seed, i);
            for (int j = 0; j < n; j++) {
                double p = normalize ? prob[j] / max : prob[j];
                // One uniform per candidate keeps each pair's draw independent of the others' outcome.
                double u = rng.nextDouble();
                if ((includeSelf || i != j) && p >= pMin && u < p) {
                    rows.add(j);
                }
            }
            rows.endRow();
        }
        return rows.build();
    }

    private double[] range(int dim, int size) {
        if (encodingValues == null) {
            return new double[] {0, size};
        }
        return encodingValues[encodingValues.length == 1 ? 0 : dim];
    }
}
