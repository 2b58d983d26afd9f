package org.brainj.api.connect;

/**
 * A connection rule (BrainPy's {@code brainpy.connect.Connector}): given the pre- and
 * post-synaptic geometries it produces the synapses. Connectors are immutable values; a random
 * connector carries its seed, so connecting the same geometries twice gives the same synapses.
 */
public interface Connector {
    /** The synapses between a population of geometry {@code pre} and one of geometry {@code post}. */
    Connectivity connect(Geometry pre, Geometry post);

    /**
     * How many synapses {@link #connect(Geometry, Geometry)} is expected to create between these
     * geometries, known without drawing any: the mean for a random rule, an upper bound where the
     * mean has no closed form. It lets a network too large for memory be refused before it is
     * built. This default is the all-to-all bound, which a rule overrides with its own count.
     */
    default double expectedSynapses(Geometry pre, Geometry post) {
        return (double) pre.size() * post.size();
    }

    /** {@link #connect(Geometry, Geometry)} for one-dimensional populations. */
    default Connectivity connect(int numPre, int numPost) {
        return connect(Geometry.of(numPre), Geometry.of(numPost));
    }

    /** {@link #connect(Geometry, Geometry)} for shapes such as {@code {30, 30}}. */
    default Connectivity connect(int[] preShape, int[] postShape) {
        return connect(Geometry.of(preShape), Geometry.of(postShape));
    }
}
