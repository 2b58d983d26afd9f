package org.brainj.connectors;

import java.util.List;
import java.util.SplittableRandom;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rng;

/**
 * BrainPy's {@code PowerLaw}: the Holme-Kim graph (Phys. Rev. E 65, 026107, 2002), as networkx's
 * {@code powerlaw_cluster_graph}: Barabasi-Albert growth from {@code m} isolated nodes where,
 * after each preferential edge to a node t, with probability {@code p} the next edge closes a
 * triangle (to a random neighbour of t not yet joined) instead of being preferential.
 */
public record PowerLaw(int m, double p, boolean directed, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("m", "", "the number of edges from each new node"),
            ParamSpec.required("p", "", "the probability of closing a triangle after a preferential edge"),
            ParamSpec.optional("directed", "", "false", "whether each edge is one synapse (new -> old) instead of two"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public PowerLaw {
        Check.positive("PowerLaw", "m", m);
        Check.probability("PowerLaw", "p", p);
    }

    public PowerLaw(int m, double p) {
        this(m, p, false, Rng.freshSeed());
    }

    public static PowerLaw of(Parameters p) {
        return new PowerLaw(p.integer("m"), p.real("p"), p.flag("directed"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public PowerLaw seed(long seed) {
        return new PowerLaw(m, p, directed, seed);
    }

    /** At most {@code m} edges per new neuron (triad steps replace attachment steps), each two synapses unless directed. */
    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return 2.0 * m * pre.size();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int n = Check.sameSize("PowerLaw", pre, post);
        if (m > n) {
            throw new InvalidParameterException("PowerLaw", "m", m, "growth starts from m nodes of the " + n
                    + "; give m <= " + n);
        }
        SplittableRandom rng = Rng.stream(seed, 0);
        Graph g = new Graph(n);
        int[] repeated = new int[m + 2 * m * Math.max(0, n - m)];
        int size = 0;
        for (int k = 0; k < m; k++) {
            repeated[size++] = k;
        }
        int[] targets = new int[m];
        int[] hood = new int[n];
        for (int source = m; source < n; source++) {
            int left = distinctDraws(rng, repeated, size, targets);
            int target = targets[--left];
            g.addEdge(source, target);
            repeated[size++] = target;
            for (int count = 1; count < m; count++) {
                if (rng.nextDouble() < p) {
                    int h = 0;
                    for (int k = 0; k < g.degree(target); k++) {
                        int nbr = g.neighbour(target, k);
                        if (nbr != source && !g.hasEdge(source, nbr)) {
                            hood[h++] = nbr;
                        }
                    }
                    if (h > 0) {
                        int nbr = hood[rng.nextInt(h)];
                        g.addEdge(source, nbr);
                        repeated[size++] = nbr;
                        continue;
                    }
                }
                target = targets[--left];
                g.addEdge(source, target); // a no-op when a triangle step already joined them
                repeated[size++] = target;
            }
            for (int k = 0; k < m; k++) {
                repeated[size++] = source;
            }
        }
        return g.toConnectivity(directed);
    }

    /** Fills {@code out} with m distinct nodes drawn from the multiset {@code repeated[0..size)}; returns m. */
    private static int distinctDraws(SplittableRandom rng, int[] repeated, int size, int[] out) {
        int chosen = 0;
        while (chosen < out.length) {
            int x = repeated[rng.nextInt(size)];
            boolean fresh = true;
            for (int k = 0; k < chosen; k++) {
                fresh &= out[k] != x;
            }
            if (fresh) {
                out[chosen++] = x;
            }
        }
        return chosen;
    }
}
