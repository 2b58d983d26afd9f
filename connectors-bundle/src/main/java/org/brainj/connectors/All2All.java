package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rows;

/**
 * BrainPy's {@code All2All}: every pre neuron connects to every post neuron; with {@code
 * includeSelf = false} the pairs (i, i) are left out.
 */
public record All2All(boolean includeSelf) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.optional("include_self", "", "true", "whether to create the (i, i) synapses"));

    public All2All() {
        this(true);
    }

    public static All2All of(Parameters p) {
        return new All2All(p.flag("include_self"));
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return (double) pre.size() * post.size() - (includeSelf ? 0 : Math.min(pre.size(), post.size()));
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int np = pre.size();
        int nq = post.size();
        long count = (long) np * nq - (includeSelf ? 0 : Math.min(np, nq));
        Rows rows = new Rows(np, nq, Check.synapseCount("All2All", count), false);
        for (int i = 0; i < np; i++) {
            for (int j = 0; j < nq; j++) {
                if (includeSelf || i != j) {
                    rows.add(j);
                }
            }
            rows.endRow();
        }
        return rows.build();
    }
}
