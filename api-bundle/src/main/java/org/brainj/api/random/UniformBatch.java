package org.brainj.api.random;

import java.util.Arrays;

/**
 * {@link Philox#uniform} and {@link Philox#uniformFloat} of consecutive elements, up to
 * {@link #SIZE} at a time: the same bits, at about half the cost per element on the JVM.
 *
 * <p>Why a batch: element by element, Philox's ten dependent rounds leave the CPU waiting on its
 * multiplier, and inlined into a kernel's element loop they are what C2's SuperWord pass unrolls
 * four to eight times without vectorising, into more live values than there are registers. Here
 * each round is one loop over the batch, on one array of longs per counter word (each word
 * zero-extended), which SuperWord vectorises: four elements per AVX2 instruction.
 *
 * <p>Round 1 is folded with the element index: its words 0 and 1 come from counter words 1 and 2
 * (draw 0 and the key's counter), which are the same for every element.
 *
 * <p>Not thread-safe: the arrays are reused from call to call, so each thread makes its own.
 */
public final class UniformBatch {
    /** The most elements one call draws: the five arrays (10 KB) stay in the L1 cache. */
    public static final int SIZE = 256;
    private static final long WORD = 0xFFFF_FFFFL;
    private static final long M0 = Philox.M0 & WORD;
    private static final long M1 = Philox.M1 & WORD;

    /** Each thread's batches, by draw: a kernel's range runs on one thread and draws its uniforms there. */
    private static final ThreadLocal<UniformBatch[]> OWN = ThreadLocal.withInitial(() -> new UniformBatch[0]);

    private final long[] w0;
    private final long[] w1;
    private final long[] w2;
    private final long[] w3;
    private final double[] values;

    /** A batch of {@code elements} (at least 1, at most {@link #SIZE}): what a range that short needs. */
    public UniformBatch(int elements) {
        int n = Math.max(1, Math.min(SIZE, elements));
        w0 = new long[n];
        w1 = new long[n];
        w2 = new long[n];
        w3 = new long[n];
        values = new double[n];
    }

    /**
     * The calling thread's batch of {@link #SIZE} for draw {@code d} of a kernel, made on its first
     * use and kept: a step kernel draws each step, on whichever pool thread runs its range, and a
     * batch made per call would be 10 KB of garbage per kernel and step.
     */
    public static UniformBatch ofThread(int d) {
        UniformBatch[] own = OWN.get();
        if (d >= own.length) {
            own = Arrays.copyOf(own, d + 1);
            OWN.set(own);
        }
        if (own[d] == null) {
            own[d] = new UniformBatch(SIZE);
        }
        return own[d];
    }

    /** The values the last call wrote, element {@code from + j}'s at index {@code j}; read, never write. */
    public double[] values() {
        return values;
    }

    /** {@code values()[j] = Philox.uniform(key, from + j)} for {@code j < count}. */
    public void uniforms(RandomKey key, int from, int count) {
        rounds(key, from, count);
        long k0 = lastKey0(key);
        for (int j = 0; j < count; j++) {
            long p1 = M1 * w2[j];
            // Philox.toUnit of words 0 and 1: 27 + 26 bits
            w0[j] = (((p1 >>> 32) ^ w1[j] ^ k0) >>> 5 << 26) + ((p1 & WORD) >>> 6);
        }
        for (int j = 0; j < count; j++) {
            values[j] = w0[j] * 0x1.0p-53;
        }
    }

    /** {@code values()[j] = Philox.uniformFloat(key, from + j)} for {@code j < count}, each a float32 exactly. */
    public void uniformFloats(RandomKey key, int from, int count) {
        rounds(key, from, count);
        long k0 = lastKey0(key);
        for (int j = 0; j < count; j++) {
            w0[j] = ((M1 * w2[j] >>> 32) ^ w1[j] ^ k0) >>> 8;
        }
        for (int j = 0; j < count; j++) {
            values[j] = w0[j] * 0x1.0p-24;
        }
    }

    /** Rounds 1 to 9 of block 0 of elements {@code from} to {@code from + count - 1}, into the word arrays. */
    private void rounds(RandomKey key, int from, int count) {
        if (count < 0 || count > values.length) {
            throw new IllegalArgumentException("count " + count + " is outside 0 to this batch's " + values.length
                    + "; make a batch of that many or draw in parts");
        }
        int k0 = (int) key.seed();
        int k1 = (int) (key.seed() >>> 32);
        long stream = key.stream() & WORD;
        long p1 = M1 * (key.counter() & WORD);
        long word0 = (p1 >>> 32) ^ (k0 & WORD);
        long word1 = p1 & WORD;
        long key1 = k1 & WORD;
        for (int j = 0; j < count; j++) {
            long p0 = M0 * ((from + j) & WORD);
            w0[j] = word0;
            w1[j] = word1;
            w2[j] = (p0 >>> 32) ^ stream ^ key1;
            w3[j] = p0 & WORD;
        }
        for (int round = 1; round < 9; round++) {
            long x0 = (k0 + round * Philox.W0) & WORD;
            long x1 = (k1 + round * Philox.W1) & WORD;
            for (int j = 0; j < count; j++) {
                long q0 = M0 * w0[j];
                long q1 = M1 * w2[j];
                w0[j] = (q1 >>> 32) ^ w1[j] ^ x0;
                w1[j] = q1 & WORD;
                w2[j] = (q0 >>> 32) ^ w3[j] ^ x1;
                w3[j] = q0 & WORD;
            }
        }
    }

    /** Key word 0 of round 10, the half round that makes words 0 and 1 of the block. */
    private static long lastKey0(RandomKey key) {
        return ((int) key.seed() + 9 * Philox.W0) & WORD;
    }
}
