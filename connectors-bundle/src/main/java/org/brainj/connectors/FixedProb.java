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
import org.brainj.connectors.internal.Rng;

/**
 * BrainPy's {@code FixedProb} (NEST's {@code pairwise_bernoulli}): each pair (i, j) is connected
 * independently with probability {@code prob}; with {@code includeSelf = false} the pairs (i, i)
 * are left out, so a pre neuron's out-degree is Binomial(numPost, prob), or Binomial(numPost - 1,
 * prob) when its own index is a post neuron and excluded.
 *
 * <p>Drawn row by row without a dense matrix: the gap to the next connected post neuron is
 * geometric, {@code floor(log U / log(1 - prob))}. Rows are drawn in parallel from per-row
 * streams, once to count (sizing the arrays exactly) and once to fill, so memory is the CSR
 * itself (4 bytes per synapse) and the result does not depend on the thread count.
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
    public Connectivity connect(Geometry pre, Geometry post) {
        int numPre = pre.size();
        int numPost = post.size();
        int[] indptr = new int[numPre + 1];
        IntStream.range(0, numPre).parallel().forEach(i -> indptr[i + 1] = row(i, numPost, null, 0));
        long total = 0;
        for (int i = 0; i < numPre; i++) {
            total += indptr[i + 1];
            indptr[i + 1] = Check.synapseCount("FixedProb", total);
        }
        int[] indices = new int[indptr[numPre]];
        IntStream.range(0, numPre).parallel().forEach(i -> row(i, numPost, indices, indptr[i]));
        return new Connectivity(numPre, numPost, indptr, indices);
    }

    /** Draws pre neuron i's row; writes it at {@code out[from..]} when out is given; returns its length. */
    private int row(int i, int numPost, int[] out, int from) {
        if (prob == 0) {
            return 0;
        }
        int k = 0;
        if (prob == 1) {
            for (int j = 0; j < numPost; j++) {
                k = emit(i, j, out, from, k);
            }
            return k;
        }
        SplittableRandom rng = Rng.stream(seed, i);
        double logQ = Math.log1p(-prob);
        long j = -1;
        while (true) {
            double u = 1.0 - rng.nextDouble(); // in (0, 1], so log(u) is finite
            j += 1 + (long) Math.min(Math.floor(Math.log(u) / logQ), numPost);
            if (j >= numPost) {
                return k;
            }
            k = emit(i, (int) j, out, from, k);
        }
    }

    private int emit(int i, int j, int[] out, int from, int k) {
        if (!includeSelf && i == j) {
            return k;
        }
        if (out != null) {
            out[from + k] = j;
        }
        return k + 1;
    }
}
