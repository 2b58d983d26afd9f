package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Launches use a handful of work-group sizes, whatever their item counts, so an OpenCL
 * implementation that builds a kernel per work-group size (PoCL) builds it a few times, not once
 * per new count: the smallest power of two that covers the items, at most 64.
 */
class WorkGroupTest {
    @Test
    void aGroupIsTheSmallestPowerOfTwoCoveringTheItemsUpTo64() {
        int[][] cases = {{1, 1}, {2, 2}, {3, 4}, {4, 4}, {5, 8}, {33, 64}, {64, 64}, {65, 64}, {2389, 64}, {1 << 30, 64}};
        for (int[] c : cases) {
            assertEquals(c[1], OpenClLauncher.groupSize(c[0]), "work-group for " + c[0] + " items");
        }
    }
}
