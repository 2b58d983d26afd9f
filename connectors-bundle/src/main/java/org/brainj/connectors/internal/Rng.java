package org.brainj.connectors.internal;

import java.util.SplittableRandom;

/**
 * The connectors' random streams. Every draw comes from a {@link SplittableRandom} (SplitMix64,
 * a generator fully specified by its Javadoc, so results are the same on every JVM) seeded with
 * {@code mix(seed, index)}: row-wise generators key the stream by the row, so a row's synapses
 * do not depend on which thread draws it or in what order; sequential generators (graph growth)
 * use index 0.
 */
public final class Rng {
    private Rng() {
    }

    /** The stream for {@code index} under {@code seed}. */
    public static SplittableRandom stream(long seed, long index) {
        // Two rounds of Stafford's mix13 so that neighbouring (seed, index) pairs start far apart
        // in SplitMix64's state space instead of on shifted copies of one sequence.
        return new SplittableRandom(mix(mix(seed) ^ (index * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L)));
    }

    /** A seed for a connector built without one (BrainPy's {@code seed=None}). */
    public static long freshSeed() {
        return new SplittableRandom().nextLong();
    }

    /**
     * A uniform int in [0, bound) by Lemire's multiply-shift with rejection ("Fast random integer
     * generation in an interval", ACM TOMACS 29(1), 2019): exact, and a division only in the rare
     * rejection case, where {@link SplittableRandom#nextInt(int)} divides on every call.
     */
    public static int below(SplittableRandom rng, int bound) {
        long m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
        int low = (int) m;
        if (Integer.compareUnsigned(low, bound) < 0) {
            int threshold = Integer.remainderUnsigned(-bound, bound);
            while (Integer.compareUnsigned(low, threshold) < 0) {
                m = (rng.nextInt() & 0xFFFFFFFFL) * bound;
                low = (int) m;
            }
        }
        return (int) (m >>> 32);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
