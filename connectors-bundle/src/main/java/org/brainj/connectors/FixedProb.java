package org.brainj.connectors;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Binomial;
import org.brainj.connectors.internal.Rng;
import org.brainj.connectors.internal.Sampling;

/**
 * BrainPy's {@code FixedProb} (NEST's {@code pairwise_bernoulli}): each pair (i, j) is connected
 * independently with probability {@code prob}; with {@code includeSelf = false} the pairs (i, i)
 * are left out, so a pre neuron's out-degree is Binomial(numPost, prob), or Binomial(numPost - 1,
 * prob) when its own index is a post neuron and excluded.
 *
 * <p>Drawn row by row without a dense matrix: a row's degree is drawn from the binomial, then
 * that many distinct post neurons uniformly (given its size, the set of a row's Bernoulli
 * successes is a uniform subset, so this is the same distribution). Rows come from per-row
 * streams, in parallel: a first pass draws only the degrees (sizing the arrays exactly), a
 * second replays each row's stream and draws its posts. Memory is the CSR itself (4 bytes per
 * synapse) and the result does not depend on the thread count.
 */
public record FixedProb(double prob, boolean includeSelf, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("prob", "", "the connection probability of each pair, in [0, 1]"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) may connect"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public FixedProb {
        Check.probability("FixedProb", "prob", prob);
    }

    /** Self-connections allowed, a fresh seed. */
    public FixedProb(double prob) {
        this(prob, true, Rng.freshSeed());
    }

    public static FixedProb of(Parameters p) {
        return new FixedProb(p.real("prob"), p.flag("include_self"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public FixedProb seed(long seed) {
        return new FixedProb(prob, includeSelf, seed);
    }

    public FixedProb includeSelf(boolean includeSelf) {
        return new FixedProb(prob, includeSelf, seed);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return prob * ((double) pre.size() * post.size() - (includeSelf ? 0 : Math.min(pre.size(), post.size())));
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int numPre = pre.size();
        int numPost = post.size();
        int[] indptr = new int[numPre + 1];
        IntStream.range(0, numPre).parallel().forEach(i -> indptr[i + 1] = degree(Rng.stream(seed, i), i, numPost));
        long total = 0;
        for (int i = 0; i < numPre; i++) {
            total += indptr[i + 1];
            indptr[i + 1] = Check.synapseCount("FixedProb", total);
        }
        int[] indices = new int[indptr[numPre]];
        IntStream.range(0, numPre).parallel().forEach(i -> {
            SplittableRandom rng = Rng.stream(seed, i);
            int k = degree(rng, i, numPost); // the same draw as in the counting pass
            Sampling.draw(rng, numPost, k, excluded(i, numPost), false, indices, indptr[i]);
        });
        return new Connectivity(numPre, numPost, indptr, indices);
    }

    /** Pre neuron i's out-degree: Binomial over the post neurons it may connect to. */
    private int degree(SplittableRandom rng, int i, int numPost) {
        int candidates = excluded(i, numPost) >= 0 ? numPost - 1 : numPost;
        return (int) Binomial.draw(rng, candidates, prob);
    }

    private int excluded(int i, int numPost) {
        return !includeSelf && i < numPost ? i : -1;
    }
}
