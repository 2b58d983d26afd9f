package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;

/**
 * BrainPy's {@code GridFour}: on a sheet (pre and post of the same geometry), each neuron connects
 * to the four nearest neighbours (up, down, left, right); with {@code periodicBoundary} the sheet wraps around (a torus).
 */
public record GridFour(boolean includeSelf, boolean periodicBoundary) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.optional("include_self", "", "false", "whether each neuron also connects to itself"),
            ParamSpec.optional("periodic_boundary", "", "false", "whether the sheet wraps around at its edges"));

    public GridFour() {
        this(false, false);
    }

    public static GridFour of(Parameters p) {
        return new GridFour(p.flag("include_self"), p.flag("periodic_boundary"));
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return Grid.expectedSynapses(pre, Grid.FOUR, includeSelf);
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        return Grid.connect("GridFour", pre, post, Grid.FOUR, includeSelf, periodicBoundary);
    }
}
