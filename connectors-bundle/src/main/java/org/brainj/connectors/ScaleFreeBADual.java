package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rng;

/**
 * BrainPy's {@code ScaleFreeBADual}: the dual Barabasi-Albert graph (Moshiri, arXiv:1810.10538):
 * each new node attaches {@code m1} edges with probability {@code p}, else {@code m2}, to
 * existing nodes chosen proportionally to their degree.
 */
public record ScaleFreeBADual(int m1, int m2, double p, boolean directed, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("m1", "", "edges from a new node with probability p"),
            ParamSpec.required("m2", "", "edges from a new node with probability 1 - p"),
            ParamSpec.required("p", "", "the probability of attaching m1 edges"),
            ParamSpec.optional("directed", "", "false", "whether each edge is one synapse (new -> old) instead of two"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public ScaleFreeBADual {
        Check.positive("ScaleFreeBADual", "m1", m1);
        Check.positive("ScaleFreeBADual", "m2", m2);
        Check.probability("ScaleFreeBADual", "p", p);
    }

    public ScaleFreeBADual(int m1, int m2, double p) {
        this(m1, m2, p, false, Rng.freshSeed());
    }

    public static ScaleFreeBADual of(Parameters p) {
        return new ScaleFreeBADual(p.integer("m1"), p.integer("m2"), p.real("p"), p.flag("directed"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public ScaleFreeBADual seed(long seed) {
        return new ScaleFreeBADual(m1, m2, p, directed, seed);
    }

    /** At most {@code max(m1, m2)} edges per new neuron, each two synapses unless directed. */
    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return 2.0 * Math.max(m1, m2) * pre.size();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return PreferentialAttachment.connect("ScaleFreeBADual", pre, post, m1, m2, p, directed, Rng.stream(seed, 0));
    }
}
