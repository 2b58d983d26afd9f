package org.brainj.connectors;

import java.util.List;
import java.util.stream.IntStream;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rng;
import org.brainj.connectors.internal.Sampling;

/**
 * BrainPy's {@code FixedPostNum} (NEST's {@code fixed_outdegree}): each pre neuron sends synapses
 * to exactly {@code num} post neurons drawn at random; distinct ones unless {@code
 * allowMultapses}, and never itself when {@code includeSelf} is false.
 */
public record FixedPostNum(int num, boolean includeSelf, boolean allowMultapses, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("num", "", "the number of post neurons each pre neuron sends to"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) may connect"),
            ParamSpec.optional("allow_multapses", "", "false", "whether a pair may be drawn more than once"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public FixedPostNum {
        Check.nonNegative("FixedPostNum", "num", num);
    }

    public FixedPostNum(int num) {
        this(num, true, false, Rng.freshSeed());
    }

    public static FixedPostNum of(Parameters p) {
        return new FixedPostNum(p.integer("num"), p.flag("include_self"), p.flag("allow_multapses"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public FixedPostNum seed(long seed) {
        return new FixedPostNum(num, includeSelf, allowMultapses, seed);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return (double) num * pre.size();
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int numPre = pre.size();
        int numPost = post.size();
        FixedNum.checkAvailable("FixedPostNum", num, numPost, numPre, includeSelf, allowMultapses, "post");
        int total = Check.synapseCount("FixedPostNum", (long) num * numPre);
        int[] indptr = new int[numPre + 1];
        int[] indices = new int[total];
        for (int i = 0; i < numPre; i++) {
            indptr[i + 1] = indptr[i] + num;
        }
        // Per-row streams: the rows come out the same whichever thread draws them.
        IntStream.range(0, numPre).parallel().forEach(i -> Sampling.draw(Rng.stream(seed, i), numPost, num,
                includeSelf ? -1 : i, allowMultapses, indices, indptr[i]));
        return new Connectivity(numPre, numPost, indptr, indices);
    }
}
