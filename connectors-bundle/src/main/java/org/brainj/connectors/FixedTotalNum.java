package org.brainj.connectors;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.brainj.api.spi.InvalidParameterException;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Edges;
import org.brainj.connectors.internal.Rng;
import org.brainj.connectors.internal.Rows;

/**
 * BrainPy's {@code FixedTotalNum} (NEST's {@code fixed_total_number}): exactly {@code num}
 * synapses, each pair drawn uniformly among the allowed pairs (all pairs, less (i, i) when
 * {@code includeSelf} is false); distinct pairs unless {@code allowMultapses}.
 */
public record FixedTotalNum(int num, boolean includeSelf, boolean allowMultapses, long seed) implements Connector {
    public static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.required("num", "", "the total number of synapses"),
            ParamSpec.optional("include_self", "", "true", "whether the pairs (i, i) may connect"),
            ParamSpec.optional("allow_multi_conn", "", "false", "whether a pair may be drawn more than once"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "the random seed (drawn at random when absent)"));

    public FixedTotalNum {
        Check.nonNegative("FixedTotalNum", "num", num);
    }

    public FixedTotalNum(int num) {
        this(num, true, false, Rng.freshSeed());
    }

    public static FixedTotalNum of(Parameters p) {
        return new FixedTotalNum(p.integer("num"), p.flag("include_self"), p.flag("allow_multi_conn"),
                p.optionalInteger64("seed").orElseGet(Rng::freshSeed));
    }

    public FixedTotalNum seed(long seed) {
        return new FixedTotalNum(num, includeSelf, allowMultapses, seed);
    }

    @Override
    public double expectedSynapses(Geometry pre, Geometry post) {
        return num;
    }

    @Override
    public Connectivity connect(Geometry pre, Geometry post) {
        int numPre = pre.size();
        int numPost = post.size();
        long pairs = (long) numPre * numPost;
        long allowed = pairs - (includeSelf ? 0 : Math.min(numPre, numPost));
        if (num > 0 && (allowMultapses ? allowed == 0 : num > allowed)) {
            throw new InvalidParameterException("FixedTotalNum", "num", num, "only " + allowed
                    + " distinct pairs exist between " + numPre + " and " + numPost + " neurons"
                    + (includeSelf ? "" : " (self-connections excluded)") + "; give num <= " + allowed
                    + " or allow multiple synapses per pair");
        }
        SplittableRandom rng = Rng.stream(seed, 0);
        if (!allowMultapses && num > allowed / 4) {
            return selectionSample(rng, numPre, numPost, allowed);
        }
        long[] picks = new long[num];
        LongSet seen = allowMultapses ? null : new LongSet(num);
        for (int s = 0; s < num; ) {
            long pair = rng.nextLong(pairs);
            boolean self = pair / numPost == pair % numPost;
            if ((includeSelf || !self) && (seen == null || seen.add(pair))) {
                picks[s++] = pair;
            }
        }
        Arrays.sort(picks);
        Edges edges = new Edges(num, false);
        for (long pair : picks) {
            edges.add((int) (pair / numPost), (int) (pair % numPost));
        }
        return edges.toConnectivity(numPre, numPost, false);
    }

    /** Dense case: Knuth's selection sampling (Algorithm S) over the allowed pairs in row order. */
    private Connectivity selectionSample(SplittableRandom rng, int numPre, int numPost, long allowed) {
        Rows rows = new Rows(numPre, numPost, num, false);
        long seenPairs = 0;
        int chosen = 0;
        for (int i = 0; i < numPre; i++) {
            for (int j = 0; j < numPost && chosen < num; j++) {
                if (!includeSelf && i == j) {
                    continue;
                }
                if ((allowed - seenPairs) * rng.nextDouble() < num - chosen) {
                    rows.add(j);
                    chosen++;
                }
                seenPairs++;
            }
            rows.endRow();
        }
        return rows.build();
    }

    /** An open-addressing set of non-negative longs. */
    private static final class LongSet {
        private final long[] slots;
        private final int mask;

        LongSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 + 1)) << 1;
            slots = new long[cap];
            Arrays.fill(slots, -1L);
            mask = cap - 1;
        }

        boolean add(long v) {
            int h = (int) (Long.hashCode(v * 0x9E3779B97F4A7C15L)) & mask;
            while (slots[h] != -1L) {
                if (slots[h] == v) {
                    return false;
                }
                h = (h + 1) & mask;
            }
            slots[h] = v;
            return true;
        }
    }
}
