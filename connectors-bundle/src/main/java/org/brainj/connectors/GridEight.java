package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;

/**
 * BrainPy's {@code GridEight}: on a sheet (pre and post of the same geometry), each neuron connects
 * to the eight nearest neighbours (the 3 x 3 square); with {@code periodicBoundary} the sheet wraps around (a torus).
 */
public record GridEight(boolean includeSelf, boolean periodicBoundary) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.optional("include_self", "", "false", "whether each neuron also connects to itself"),
            ParamSpec.optional("periodic_boundary", "", "false", "whether the sheet wraps around at its edges"));

    public GridEight() {
        this(false, false);
    }

    public static GridEight of(Parameters p) {
        return new GridEight(p.flag("include_self"), p.flag("periodic_boundary"));
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return Grid.expectedSynapses(pre, Grid.square(1), includeSelf);
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return Grid.connect("GridEight", pre, post, Grid.square(1), includeSelf, periodicBoundary);
    }
}
