package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pool never hands out a range that overlaps one still taken, however fragmented it gets. */
class PoolTest {
    @Test
    void rangesTakenFromAFragmentedPoolNeverOverlap() {
        Pool pool = new Pool(10_000);
        Random r = new Random(1);
        List<int[]> taken = new ArrayList<>();
        for (int op = 0; op < 20_000; op++) {
            if (!taken.isEmpty() && r.nextInt(3) == 0) {
                int[] range = taken.remove(r.nextInt(taken.size()));
                pool.release(range[0], range[1]);
                continue;
            }
            int length = 1 + r.nextInt(40);
            int offset = pool.take(length);
            if (offset < 0) {
                continue;
            }
            for (int[] other : taken) {
                assertTrue(offset + length <= other[0] || other[0] + other[1] <= offset, "step " + op + ": [" + offset
                        + ", " + (offset + length) + ") overlaps [" + other[0] + ", " + (other[0] + other[1]) + ")");
            }
            taken.add(new int[] {offset, length});
        }
    }
}
