package org.brainj.connectors.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Drawing k of n candidates, the core of the fixed-number rules. */
public final class Sampling {
    private Sampling() {
    }

    /**
     * Writes {@code k} draws from {@code 0 .. n-1}, leaving out {@code excluded} (or none when it
     * is negative), into {@code out[off .. off+k-1]}, ascending. Without {@code replace} the draws
     * are distinct: a uniformly random k-subset, marked in a bitset when k is at least 1/32 of the
     * candidates (no sort needed), else by Floyd's algorithm (O(k) time and memory) and a sort.
     */
    public static void draw(SplittableRandom rng, int n, int k, int excluded, boolean replace, int[] out, int off) {
        int pool = excluded >= 0 && excluded < n ? n - 1 : n;
        if (replace) {
            for (int t = 0; t < k; t++) {
                out[off + t] = Rng.below(rng, pool);
            }
            Arrays.sort(out, off, off + k);
        } else if ((long) k * 256 >= pool) {
            bitset(rng, pool, k, out, off);
        } else {
            floyd(rng, pool, k, out, off);
            Arrays.sort(out, off, off + k);
        }
        if (pool != n) {
            for (int t = off; t < off + k; t++) {
                if (out[t] >= excluded) {
                    out[t]++;
                }
            }
        }
    }

    /** A random k-subset of 0 .. pool-1 by marking (or, above half, unmarking) random members. */
    private static void bitset(SplittableRandom rng, int pool, int k, int[] out, int off) {
        long[] bits = new long[(pool + 63) >>> 6];
        boolean complement = k > pool / 2;
        if (complement) {
            Arrays.fill(bits, -1L);
            if ((pool & 63) != 0) {
                bits[bits.length - 1] = (1L << (pool & 63)) - 1;
            }
        }
        for (int left = complement ? pool - k : k; left > 0; ) {
            int r = Rng.below(rng, pool);
            long mask = 1L << r;
            boolean set = (bits[r >>> 6] & mask) != 0;
            if (set == complement) {
                bits[r >>> 6] ^= mask;
                left--;
            }
        }
        int w = off;
        for (int word = 0; word < bits.length; word++) {
            for (long b = bits[word]; b != 0; b &= b - 1) {
                out[w++] = (word << 6) + Long.numberOfTrailingZeros(b);
            }
        }
    }

    /** Floyd: for t = pool-k .. pool-1 pick r in [0, t]; take t instead when r is taken already. */
    private static void floyd(SplittableRandom rng, int pool, int k, int[] out, int off) {
        IntSet chosen = new IntSet(k);
        int w = off;
        for (int t = pool - k; t < pool; t++) {
            int r = Rng.below(rng, t + 1);
            int pick = chosen.add(r) ? r : t;
            if (pick == t) {
                chosen.add(t);
            }
            out[w++] = pick;
        }
    }

    /** An open-addressing set of non-negative ints, sized for {@code expected} members. */
    private static final class IntSet {
        private final int[] slots;
        private final int mask;

        IntSet(int expected) {
            int cap = Integer.highestOneBit(Math.max(4, expected * 2 + 1)) << 1;
            slots = new int[cap];
            Arrays.fill(slots, -1);
            mask = cap - 1;
        }

        /** Adds v; false when it was present. */
        boolean add(int v) {
            int h = (int) Rng.mix(v) & mask;
            while (slots[h] != -1) {
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
