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
 * BrainPy's {@code SmallWorld}: the Watts-Strogatz graph (Nature 393, 440, 1998) on a ring of n
 * neurons (pre and post the same population). Each neuron is joined to its {@code numNeighbor}
 * nearest neighbours ({@code numNeighbor / 2} on each side; an odd number is rounded down); then,
 * round by round over the distances 1 .. numNeighbor/2, each edge (u, u + d) is rewired with
 * probability {@code prob} to (u, w), w uniform among the nodes not yet joined to u (and not u
 * itself unless {@code includeSelf}), as networkx's {@code watts_strogatz_graph} does.
 */
public record SmallWorld(int numNeighbor, double prob, boolean directed, boolean includeSelf, long seed)
        implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("num_neighbor", "", "each node is joined to its num_neighbor nearest ring neighbours"),
            ParamSpec.required("prob", "", "the probability of rewiring each edge"),
            ParamSpec.optional("directed", "", "false", "whether each edge is one synapse (u -> v) instead of two"),
            ParamSpec.optional("include_self", "", "false", "whether rewiring may make self-connections"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public SmallWorld {
        Check.nonNegative("SmallWorld", "num_neighbor", numNeighbor);
        Check.probability("SmallWorld", "prob", prob);
    }

    public SmallWorld(int numNeighbor, double prob) {
        this(numNeighbor, prob, false, false, Rng.freshSeed());
    }

    public static SmallWorld of(Parameters p) {
        return new SmallWorld(p.integer("num_neighbor"), p.real("prob"), p.flag("directed"), p.flag("include_self"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public SmallWorld seed(long seed) {
        return new SmallWorld(numNeighbor, prob, directed, includeSelf, seed);
    }

    /** Each neuron keeps {@code numNeighbor / 2} edges to one side; rewiring moves edges, it adds none. */
    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return (double) pre.size() * (numNeighbor / 2) * (directed ? 1 : 2);
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int n = Check.sameSize("SmallWorld", pre, post);
        if (numNeighbor >= n && n > 0) {
            throw new InvalidParameterException("SmallWorld", "num_neighbor", numNeighbor,
                    "a ring of " + n + " neurons has " + (n - 1) + " others; give num_neighbor < " + n);
        }
        Graph g = new Graph(n);
        int half = numNeighbor / 2;
        for (int d = 1; d <= half; d++) {
            for (int u = 0; u < n; u++) {
                g.addEdge(u, (u + d) % n);
            }
        }
        SplittableRandom rng = Rng.stream(seed, 0);
        int saturated = includeSelf ? n : n - 1;
        for (int d = 1; d <= half; d++) {
            for (int u = 0; u < n; u++) {
                if (rng.nextDouble() >= prob) {
                    continue;
                }
                if (g.degree(u) >= saturated) {
                    continue; // u is joined to every node: nowhere to rewire to
                }
                int w;
                do {
                    w = rng.nextInt(n);
                } while ((!includeSelf && w == u) || g.hasEdge(u, w));
                g.removeEdge(u, (u + d) % n);
                g.addEdge(u, w);
            }
        }
        return g.toConnectivity(directed);
    }
}
