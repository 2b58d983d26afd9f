package org.brainj.connectors;

import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Edges;
import org.brainj.connectors.internal.Rng;
import org.brainj.connectors.internal.Sampling;

/**
 * BrainPy's {@code FixedPreNum} (NEST's {@code fixed_indegree}): each post neuron receives
 * synapses from exactly {@code num} pre neurons drawn at random; distinct ones unless {@code
 * allowMultapses}, and never itself when {@code includeSelf} is false.
 */
public record FixedPreNum(int num, boolean includeSelf, boolean allowMultapses, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("num", "", "the number of pre neurons each post neuron receives from"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) may connect"),
            ParamSpec.optional("allow_multapses", "", "false", "whether a pair may be drawn more than once"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public FixedPreNum {
        Check.nonNegative("FixedPreNum", "num", num);
    }

    public FixedPreNum(int num) {
        this(num, true, false, Rng.freshSeed());
    }

    public static FixedPreNum of(Parameters p) {
        return new FixedPreNum(p.integer("num"), p.flag("include_self"), p.flag("allow_multapses"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public FixedPreNum seed(long seed) {
        return new FixedPreNum(num, includeSelf, allowMultapses, seed);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return (double) num * post.size();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int numPre = pre.size();
        int numPost = post.size();
        FixedNum.checkAvailable("FixedPreNum", num, numPre, numPost, includeSelf, allowMultapses, "pre");
        Edges edges = new Edges(Check.synapseCount("FixedPreNum", (long) num * numPost), false);
        int[] drawn = new int[num];
        for (int j = 0; j < numPost; j++) {
            Sampling.draw(Rng.stream(seed, j), numPre, num, includeSelf ? -1 : j, allowMultapses, drawn, 0);
            for (int i : drawn) {
                edges.add(i, j);
            }
        }
        // Columns were visited in order, so each CSR row comes out with its posts ascending.
        return edges.toConnectivity(numPre, numPost, false);
    }
}
