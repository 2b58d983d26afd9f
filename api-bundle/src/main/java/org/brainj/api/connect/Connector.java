package org.brainj.api.connect;

/**
 * A connection rule (BrainPy's {@code brainpy.connect.Connector}): given the pre- and
 * post-synaptic geometries it produces the synapses. Connectors are immutable values; a random
 * connector carries its seed, so connecting the same geometries twice gives the same synapses.
 */
public interface Connector {
    /** The synapses between a population of geometry {@code pre} and one of geometry {@code post}. */
    Connectivity connect(Geometry pre, Geometry post);

    /** {@link #connect(Geometry, Geometry)} for one-dimensional populations. */
    default Connectivity connect(int numPre, int numPost) {
        return connect(Geometry.of(numPre), Geometry.of(numPost));
    }

    /** {@link #connect(Geometry, Geometry)} for shapes such as {@code {30, 30}}. */
    default Connectivity connect(int[] preShape, int[] postShape) {
        return connect(Geometry.of(preShape), Geometry.of(postShape));
    }
}
