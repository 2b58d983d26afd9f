package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link SplitSite}: on a clock the test advances itself by what a call costs each way, a measured
 * site settles on the faster way, follows a change of costs at its next trial, and times nothing
 * where it cannot split.
 */
class SplitSiteTest {
    private static final double WORK_NS = 100_000;

    /** A clock that moves only when a call says how long it took. */
    private static final class FakeClock {
        long now;
    }

    /** Runs {@code calls} calls costing {@code oneNs} on one thread and {@code splitNs} split; returns how many split. */
    private static int run(SplitSite site, FakeClock clock, int calls, long oneNs, long splitNs) {
        int splits = 0;
        for (int c = 0; c < calls; c++) {
            boolean split = site.splits(WORK_NS);
            clock.now += split ? splitNs : oneNs;
            site.done();
            splits += split ? 1 : 0;
        }
        return splits;
    }

    /** Calls enough to pass the warm-up and a first trial and then hold its choice for a while. */
    private static final int PAST_FIRST_TRIAL = SplitSite.WARM_UP + SplitSite.TRIAL + 100;

    @Test
    void aSplitThatTakesHalfTheTimeIsKept() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL, 100_000, 50_000);
        assertTrue(site.chosenSplit());
        // held: every call of the hold splits
        assertEquals(500, run(site, clock, 500, 100_000, 50_000));
    }

    @Test
    void aSplitSlowedByItsHandOverIsDropped() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        int splits = run(site, clock, PAST_FIRST_TRIAL, 10_000, 30_000);
        assertFalse(site.chosenSplit());
        // the trial's split blocks, then none
        assertEquals(SplitSite.TRIAL / 2, splits);
        assertEquals(0, run(site, clock, 500, 10_000, 30_000));
    }

    @Test
    void aSplitOnlyMarginallyFasterDoesNotTakeTheSecondCore() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL, 100_000, 95_000);
        assertFalse(site.chosenSplit());
    }

    @Test
    void aHeldSplitThatFallsBehindOneThreadIsDroppedAndTriedAgainLater() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL, 100_000, 50_000);
        assertTrue(site.chosenSplit());
        // the other core gets busy: each split now waits for it, and the 100 held calls' 5 ms of
        // gain are spent after 17 calls at 300 us over one thread's pace
        assertEquals(17, run(site, clock, 40, 100_000, 400_000));
        assertFalse(site.chosenSplit());
        // and frees up again: after the rest of the hold on one thread, the next trial takes the split back
        assertEquals(0, run(site, clock, (int) SplitSite.FIRST_HOLD - (40 - 17), 100_000, 50_000));
        run(site, clock, SplitSite.TRIAL, 100_000, 50_000);
        assertTrue(site.chosenSplit());
    }

    @Test
    void aHeldSplitKeepsThroughOneStallItsGainCovers() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL + 500, 100_000, 50_000);
        // 600 held calls saved 30 ms: a worker preempted for 4 ms once does not undo them
        assertEquals(1, run(site, clock, 1, 100_000, 4_000_000));
        assertTrue(site.chosenSplit());
        assertEquals(100, run(site, clock, 100, 100_000, 50_000));
    }

    @Test
    void aChangeOfCostsIsFollowedAtTheNextTrial() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL, 100_000, 50_000);
        assertTrue(site.chosenSplit());
        // the split slows below one thread's pace without stalling
        run(site, clock, (int) SplitSite.FIRST_HOLD + SplitSite.TRIAL, 100_000, 150_000);
        assertFalse(site.chosenSplit());
    }

    @Test
    void aSplitStalledNowAndThenByAPreemptedWorkerIsDropped() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        int[] splits = {0};
        for (int c = 0; c < PAST_FIRST_TRIAL; c++) {
            boolean split = site.splits(WORK_NS);
            // most splits take half the time, one in five waits 4 ms for its worker
            clock.now += split ? (++splits[0] % 5 == 0 ? 4_000_000 : 50_000) : 100_000;
            site.done();
        }
        assertFalse(site.chosenSplit());
    }

    @Test
    void theWakeOfAParkedWorkerAfterCallsOnOneThreadDoesNotCount() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        boolean before = false;
        for (int c = 0; c < PAST_FIRST_TRIAL; c++) {
            boolean split = site.splits(WORK_NS);
            // a split right after a call on one thread waits a millisecond for its worker
            clock.now += split ? (before ? 50_000 : 1_000_000) : 100_000;
            site.done();
            before = split;
        }
        assertTrue(site.chosenSplit());
    }

    @Test
    void belowTheFloorOrOnOneThreadNothingSplitsOrIsTimed() {
        LongCounter reads = new LongCounter();
        SplitSite small = StepThreads.measured(2, reads::next).site();
        SplitSite single = StepThreads.measured(1, reads::next).site();
        for (int c = 0; c < PAST_FIRST_TRIAL; c++) {
            assertFalse(small.splits(StepThreads.MEASURED_FLOOR_NS / 2));
            small.done();
            assertFalse(single.splits(1e9));
            single.done();
        }
        assertEquals(0, reads.count);
    }

    @Test
    void aFixedThresholdSplitsByTheEstimateAlone() {
        SplitSite site = new StepThreads(2, 1000).site();
        assertFalse(site.splits(999));
        assertTrue(site.splits(1000));
        site.done();
    }

    private static final class LongCounter {
        long count;

        long next() {
            return ++count;
        }
    }
}
