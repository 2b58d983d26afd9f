package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** {@link StepThreads}: every part once per operation, on the team's threads, failures passed back. */
class StepThreadsTest {

    @Test
    void everyPartRunsOncePerOperation() {
        StepThreads threads = new StepThreads(3, 0);
        AtomicIntegerArray runs = new AtomicIntegerArray(3);
        for (int op = 0; op < 2000; op++) {
            threads.run(runs::incrementAndGet);
        }
        assertArrayEquals(new int[] {2000, 2000, 2000}, new int[] {runs.get(0), runs.get(1), runs.get(2)});
    }

    @Test
    void aPartWaitingForAnotherRunsBesideItOnAWorker() throws InterruptedException {
        // part 0 waits until part 1 has run, which only another thread can do meanwhile
        StepThreads threads = new StepThreads(2, 0);
        java.util.concurrent.CountDownLatch second = new java.util.concurrent.CountDownLatch(1);
        threads.run(p -> {
            if (p == 1) {
                second.countDown();
            } else {
                try {
                    assertTrue(second.await(10, java.util.concurrent.TimeUnit.SECONDS), "part 1 ran beside part 0");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
    }

    @Test
    void aPartsResultsAreSeenByTheCallerOnReturn() {
        StepThreads threads = new StepThreads(2, 0);
        long[] sums = new long[2];
        for (int op = 1; op <= 500; op++) {
            int n = op;
            threads.run(p -> sums[p] += n);
        }
        assertEquals(500 * 501 / 2, sums[0]);
        assertEquals(500 * 501 / 2, sums[1]);
    }

    @Test
    void aWorkersFailureIsThrownToTheCallerAndTheTeamRunsOn() {
        StepThreads threads = new StepThreads(2, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> threads.run(p -> {
            if (p == 1) {
                throw new IllegalStateException("part 1 failed");
            }
        }));
        assertEquals("part 1 failed", e.getMessage());
        int[] after = new int[2];
        threads.run(p -> after[p]++);
        assertArrayEquals(new int[] {1, 1}, after);
    }

    @Test
    void workBelowTheThresholdOrOneThreadDoesNotSplit() {
        assertFalse(new StepThreads(1, 0).pays(1e9));
        assertFalse(new StepThreads(2, 1000).pays(999));
        assertTrue(new StepThreads(2, 1000).pays(1000));
        assertThrows(IllegalArgumentException.class, () -> new StepThreads(0, 0));
    }
}
