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
     * are distinct (Floyd's algorithm, O(k) time and memory); with it they are independent.
     */
    public static void draw(SplittableRandom rng, int n, int k, int excluded, boolean replace, int[] out, int off) {
        int pool = excluded >= 0 && excluded < n ? n - 1 : n;
        if (replace) {
            for (int t = 0; t < k; t++) {
                out[off + t] = rng.nextInt(pool);
            }
        } else {
            IntSet chosen = new IntSet(k);
            // Floyd: for t = pool-k .. pool-1 pick r in [0, t]; take t if r is taken already.
            int w = off;
            for (int t = pool - k; t < pool; t++) {
                int r = rng.nextInt(t + 1);
                int pick = chosen.add(r) ? r : t;
                if (pick == t) {
                    chosen.add(t);
                }
                out[w++] = pick;
            }
        }
        if (pool != n) {
            for (int t = off; t < off + k; t++) {
                if (out[t] >= excluded) {
                    out[t]++;
                }
            }
        }
        Arrays.sort(out, off, off + k);
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
