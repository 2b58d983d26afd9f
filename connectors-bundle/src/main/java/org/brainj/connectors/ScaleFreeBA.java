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
 * BrainPy's {@code ScaleFreeBA}: the Barabasi-Albert graph (Science 286, 509, 1999): each new
 * node attaches {@code m} edges to existing nodes chosen with probability proportional to their
 * degree, giving degrees distributed as k^-3. Pre and post are the same population.
 */
public record ScaleFreeBA(int m, boolean directed, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("m", "", "the number of edges from each new node to existing nodes"),
            ParamSpec.optional("directed", "", "false", "whether each edge is one synapse (new -> old) instead of two"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public ScaleFreeBA {
        Check.positive("ScaleFreeBA", "m", m);
    }

    public ScaleFreeBA(int m) {
        this(m, false, Rng.freshSeed());
    }

    public static ScaleFreeBA of(Parameters p) {
        return new ScaleFreeBA(p.integer("m"), p.flag("directed"), p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public ScaleFreeBA seed(long seed) {
        return new ScaleFreeBA(m, directed, seed);
    }

    /** At most {@code m} edges per new neuron, each two synapses unless directed. */
    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return 2.0 * m * pre.size();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return PreferentialAttachment.connect("ScaleFreeBA", pre, post, m, m, 1.0, directed, Rng.stream(seed, 0));
    }
}
