package org.brainj.connectors;

import org.brainj.api.spi.InvalidParameterException;

/** The feasibility check shared by the fixed-number rules. */
final class FixedNum {
    private FixedNum() {
    }

    /**
     * Refuses drawing {@code num} candidates from a population of {@code pool} when it cannot be
     * done: more than the distinct candidates without multapses, or any from an empty pool.
     */
    static void checkAvailable(String owner, int num, int pool, int others, boolean includeSelf,
            boolean allowMultapses, String side) {
        if (num == 0 || others == 0) {
            return;
        }
        // Without self-connections the neurons whose own index lies in the pool lose one candidate.
        int available = includeSelf || Math.min(pool, others) == 0 ? pool : pool - 1;
        if (allowMultapses ? available == 0 : num > available) {
            throw new InvalidParameterException(owner, "num", num, "only " + available + " distinct " + side
                    + " neurons are available" + (includeSelf ? "" : " (self-connections excluded)")
                    + "; give num <= " + available + " or allow multapses");
        }
    }
}
