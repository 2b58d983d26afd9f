package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;

/**
 * BrainPy's {@code GridN}: on a sheet, each neuron connects to the (2N+1) x (2N+1) square around
 * it ({@code N = 1} is {@link GridEight}); with {@code periodicBoundary} the sheet wraps around.
 */
public record GridN(int n, boolean includeSelf, boolean periodicBoundary) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.optional("N", "", "1", "the reach: the square has side 2N+1"),
            ParamSpec.optional("include_self", "", "false", "whether each neuron also connects to itself"),
            ParamSpec.optional("periodic_boundary", "", "false", "whether the sheet wraps around at its edges"));

    public GridN {
        Check.positive("GridN", "N", n);
    }

    public GridN(int n) {
        this(n, false, false);
    }

    public static GridN of(Parameters p) {
        return new GridN(p.integer("N"), p.flag("include_self"), p.flag("periodic_boundary"));
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return Grid.expectedSynapses(pre, Grid.square(n), includeSelf);
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return Grid.connect("GridN", pre, post, Grid.square(n), includeSelf, periodicBoundary);
    }
}
