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
    private static final int PAST_FIRST_TRIAL = SplitSite.WARM_UP + 2 * SplitSite.SAMPLES + 100;

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
        // only the trial's calls split, half of its timed calls
        assertEquals(SplitSite.SAMPLES, splits);
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
    void aChangeOfLoadIsFollowedAtTheNextTrial() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, PAST_FIRST_TRIAL, 100_000, 50_000);
        assertTrue(site.chosenSplit());
        // the other core gets busy: the split now waits for it
        run(site, clock, (int) SplitSite.FIRST_HOLD + 2 * SplitSite.SAMPLES, 100_000, 400_000);
        assertFalse(site.chosenSplit());
    }

    @Test
    void aFewSlowCallsDoNotDecide() {
        FakeClock clock = new FakeClock();
        SplitSite site = StepThreads.measured(2, () -> clock.now).site();
        run(site, clock, SplitSite.WARM_UP, 100_000, 50_000);
        // the first trial: the split's calls take half, except three descheduled ones
        for (int c = 0; c < 2 * SplitSite.SAMPLES; c++) {
            boolean split = site.splits(WORK_NS);
            clock.now += split ? (c < 6 ? 5_000_000 : 50_000) : 100_000;
            site.done();
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
