package org.brainj.api.random;

/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC 2011) and the
 * mapping from a {@link RandomKey} and an element index to numbers. This class is the
 * specification every backend reproduces, so that a network draws the same numbers on any of
 * them.
 *
 * <p>Element {@code i}'s {@code j}-th block uses the counter words
 * {@code (i, j, counter, stream)} and the key words {@code (seed low 32 bits, seed high 32 bits)}.
 * Most distributions use block {@code j = 0} only; Poisson draws more blocks as it needs them.
 *
 * <p>Transcendental functions are {@link StrictMath}'s (fdlibm): {@link Math}'s may differ by an
 * ulp between JVMs and CPUs (HotSpot uses intrinsics), so only StrictMath makes the numbers a
 * specification that a device kernel can reproduce.
 */
public final class Philox {
    // package-private: UniformBatch runs the same rounds
    static final int M0 = 0xD2511F53;
    static final int M1 = 0xCD9E8D57;
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final double TWO_POW_MINUS_24 = 0x1.0p-24;

    private Philox() {
    }

    /** The raw Philox4x32-10 bijection: four counter words under two key words, into {@code out}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int round = 0; round < 10; round++) {
            if (round > 0) {
                k0 += W0;
                k1 += W1;
            }
            long p0 = (M0 & 0xFFFF_FFFFL) * (c0 & 0xFFFF_FFFFL);
            long p1 = (M1 & 0xFFFF_FFFFL) * (c2 & 0xFFFF_FFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
        }
        out[0] = c0;
        out[1] = c1;
        out[2] = c2;
        out[3] = c3;
    }

    /** Block {@code draw} of element {@code element} under {@code key}. */
    public static void block(RandomKey key, int element, int draw, int[] out) {
        block(element, draw, (int) key.counter(), key.stream(), (int) key.seed(), (int) (key.seed() >>> 32), out);
    }

    /** A double in [0, 1) from two words: 27 + 26 bits, as {@code java.util.Random.nextDouble}. */
    public static double toUnit(int hi, int lo) {
        return (((long) (hi >>> 5) << 26) + (lo >>> 6)) * TWO_POW_MINUS_53;
    }

    /** Element {@code i}'s uniform double in [0, 1). */
    public static double uniform(RandomKey key, int element) {
        int[] b = new int[4];
        block(key, element, 0, b);
        return toUnit(b[0], b[1]);
    }

    /** Element {@code i}'s uniform float in [0, 1): 24 bits, so it never rounds up to 1. */
    public static float uniformFloat(RandomKey key, int element) {
        int[] b = new int[4];
        block(key, element, 0, b);
        return (float) ((b[0] >>> 8) * TWO_POW_MINUS_24);
    }

    /** Element {@code i}'s standard normal, by Box-Muller on the block's two uniforms. */
    public static double normal(RandomKey key, int element) {
        int[] b = new int[4];
        block(key, element, 0, b);
        double u1 = toUnit(b[0], b[1]);
        double u2 = toUnit(b[2], b[3]);
        return Math.sqrt(-2 * StrictMath.log(1 - u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** Element {@code i}'s Bernoulli trial: its uniform below {@code p}. */
    public static boolean bernoulli(RandomKey key, int element, double p) {
        return uniform(key, element) < p;
    }

    /** Element {@code i}'s Poisson count, by {@link PoissonSampler}'s methods. */
    public static int poisson(RandomKey key, int element, double lambda) {
        return new PoissonSampler(lambda).draw(key, element);
    }
}
