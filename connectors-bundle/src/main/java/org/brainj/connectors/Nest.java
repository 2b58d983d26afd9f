package org.brainj.connectors;

import java.util.List;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Rng;

/**
 * NEST's connection rules under their NEST names and defaults ({@code allow_autapses} and
 * {@code allow_multapses} both true), as the BrainPy rules they are: {@code fixed_indegree} is
 * {@link FixedPreNum}, {@code fixed_outdegree} {@link FixedPostNum}, {@code pairwise_bernoulli}
 * {@link FixedProb}, {@code fixed_total_number} {@link FixedTotalNum}.
 */
public final class Nest {
    private static final ParamSpec AUTAPSES = ParamSpec.optional("allow_autapses", "", "true",
            "whether a neuron may connect to itself (the pair (i, i))");
    private static final ParamSpec MULTAPSES = ParamSpec.optional("allow_multapses", "", "true",
            "whether a pair may be connected more than once");
    private static final ParamSpec SEED = ParamSpec.optional("seed", "", ParamSpec.NONE,
            "the random seed (drawn at random when absent)");

    public static final List<ParamSpec> FIXED_INDEGREE = List.of(
            ParamSpec.required("indegree", "", "the number of incoming synapses of each post neuron"), AUTAPSES, MULTAPSES, SEED);
    public static final List<ParamSpec> FIXED_OUTDEGREE = List.of(
            ParamSpec.required("outdegree", "", "the number of outgoing synapses of each pre neuron"), AUTAPSES, MULTAPSES, SEED);
    public static final List<ParamSpec> PAIRWISE_BERNOULLI = List.of(
            ParamSpec.required("p", "", "the connection probability of each pair"), AUTAPSES, SEED);
    public static final List<ParamSpec> FIXED_TOTAL_NUMBER = List.of(
            ParamSpec.required("N", "", "the total number of synapses"), AUTAPSES, MULTAPSES, SEED);

    private Nest() {
    }

    /** NEST's {@code fixed_indegree} with its defaults: autapses and multapses allowed. */
    public static FixedPreNum fixedIndegree(int indegree) {
        return new FixedPreNum(indegree, true, true, Rng.freshSeed());
    }

    /** NEST's {@code fixed_outdegree} with its defaults: autapses and multapses allowed. */
    public static FixedPostNum fixedOutdegree(int outdegree) {
        return new FixedPostNum(outdegree, true, true, Rng.freshSeed());
    }

    /** NEST's {@code pairwise_bernoulli} with its default: autapses allowed. */
    public static FixedProb pairwiseBernoulli(double p) {
        return new FixedProb(p, true, Rng.freshSeed());
    }

    /** NEST's {@code fixed_total_number} with its defaults: autapses and multapses allowed. */
    public static FixedTotalNum fixedTotalNumber(int n) {
        return new FixedTotalNum(n, true, true, Rng.freshSeed());
    }

    public static FixedPreNum fixedIndegree(Parameters p) {
        return new FixedPreNum(p.integer("indegree"), p.flag("allow_autapses"), p.flag("allow_multapses"), seed(p));
    }

    public static FixedPostNum fixedOutdegree(Parameters p) {
        return new FixedPostNum(p.integer("outdegree"), p.flag("allow_autapses"), p.flag("allow_multapses"), seed(p));
    }

    public static FixedProb pairwiseBernoulli(Parameters p) {
        return new FixedProb(p.real("p"), p.flag("allow_autapses"), seed(p));
    }

    public static FixedTotalNum fixedTotalNumber(Parameters p) {
        return new FixedTotalNum(p.integer("N"), p.flag("allow_autapses"), p.flag("allow_multapses"), seed(p));
    }

    private static long seed(Parameters p) {
        return p.optionalInteger64("seed").orElseGet(Rng::freshSeed);
    }
}
