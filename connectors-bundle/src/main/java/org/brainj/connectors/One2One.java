package org.brainj.connectors;

import java.util.List;
import java.util.stream.IntStream;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;

/** BrainPy's {@code One2One}: neuron i connects to neuron i; both populations have the same size. */
public record One2One() implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of();

    public static One2One of(Parameters p) {
        return new One2One();
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return Math.min(pre.size(), post.size());
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int n = Check.sameSize("One2One", pre, post);
        return new Connectivity(n, n, IntStream.rangeClosed(0, n).toArray(), IntStream.range(0, n).toArray());
    }
}
