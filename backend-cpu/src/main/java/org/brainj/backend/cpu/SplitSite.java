package org.brainj.backend.cpu;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * One operation of a step (a kernel, a delivery into one target) deciding, call by call, whether
 * to split over its {@link StepThreads}. With a fixed threshold the estimate decides. Measured,
 * the site runs on one thread through a warm-up (the JIT compiles the operation meanwhile); then
 * a trial alternates blocks of {@link #BLOCK} calls on one thread and split, one thread first, and
 * times each call but a block's first (the call after a switch wakes a parked worker, or finds the
 * caches holding the other way's data, which the calls of a held choice do not). The site keeps
 * the way that took less time per nanosecond of estimated work over the trial (the split only
 * where it is {@link #GAIN} faster, as it spends a second core): a total, not a median, since on
 * a busy machine a worker preempted in the middle of its part stalls the caller for a scheduler's
 * slice now and then, and those stalls are what a split costs there. For the same reason a held
 * split keeps its total: it is dropped once it has taken longer, since it was chosen, than one
 * thread would have at the trial's pace (not at a single stall: on two cores the JIT's or the
 * collector's thread preempts the worker now and then, and one such stall, a few milliseconds,
 * dropped SparseHighRate's split within a few hundred calls of each trial that chose it at 0.6 of
 * one thread's time). The choice holds for a number of
 * calls, then a trial checks it again (the other core's load changes); each time a trial confirms
 * it, it holds twice as long, up to {@link #MAX_HOLD}, so that a site where a split never pays
 * spends a fraction of a percent of its calls on trials.
 *
 * <p>Calls {@link #splits} and then {@link #done} in turn, from one thread at a time; a split
 * gives the same numbers as one thread, so a choice made on a disturbed timing costs only time.
 */
public final class SplitSite {
    /** Calls on one thread before the first trial. */
    static final int WARM_UP = 500;
    /** Calls of one way in a row in a trial. */
    static final int BLOCK = 5;
    /** Blocks of each way in a trial. */
    static final int BLOCKS = 4;
    /** The calls of a trial. */
    static final int TRIAL = 2 * BLOCKS * BLOCK;
    /** The first hold of a choice, in calls (a tenth of a simulated second at dt = 0.1 ms). */
    static final long FIRST_HOLD = 1_000;
    /** The longest hold of a choice that trials keep confirming. */
    static final long MAX_HOLD = 32_000;
    /** The split's time over one thread's below which the split is kept. */
    static final double GAIN = 0.9;

    private final StepThreads threads;
    /** Null where the estimate alone decides. */
    private final LongSupplier clock;

    private boolean split;
    private long hold = WARM_UP;
    private long held;
    /** Per way (0: one thread, 1: split), the trial's time and estimated work, in ns. */
    private final double[] took = new double[2];
    private final double[] work = new double[2];
    /** One thread's time per ns of estimated work in the latest trial. */
    private double oneRate;
    /** A held split's time and estimated work since it was chosen, in ns. */
    private double heldTook;
    private double heldWork;
    /** Calls of the trial so far; -1 outside a trial. */
    private int tried = -1;
    private boolean timing;
    private boolean timingSplit;
    private long start;
    private double workNs;

    SplitSite(StepThreads threads, LongSupplier clock) {
        this.threads = threads;
        this.clock = clock;
    }

    /** Whether this call, of {@code workNs} estimated nanoseconds, splits; {@link #done} follows it. */
    public boolean splits(double workNs) {
        if (!threads.pays(workNs)) {
            return false;
        }
        if (clock == null) {
            return true;
        }
        if (tried < 0 && ++held <= hold) {
            // a held split is timed too, to keep its total against one thread's pace
            timing = split;
            timingSplit = split;
        } else {
            tried = Math.max(tried, 0);
            timing = true;
            timingSplit = (tried / BLOCK & 1) == 1;
        }
        if (timing) {
            this.workNs = workNs;
            start = clock.getAsLong();
        }
        return timingSplit;
    }

    /** Ends the call {@link #splits} began. */
    public void done() {
        if (!timing) {
            return;
        }
        timing = false;
        double ns = clock.getAsLong() - start;
        if (tried < 0) {
            heldTook += ns;
            heldWork += workNs;
            if (held >= TRIAL && heldTook > oneRate * heldWork) {
                decide(false);
            }
            return;
        }
        boolean lead = tried % BLOCK == 0;
        if (!lead) {
            int way = timingSplit ? 1 : 0;
            took[way] += ns;
            work[way] += workNs;
            oneRate = way == 0 ? took[0] / work[0] : oneRate;
        }
        if (++tried == TRIAL) {
            decide(took[1] / work[1] < GAIN * took[0] / work[0]);
        }
    }

    private void decide(boolean splitFaster) {
        hold = splitFaster == split && hold >= FIRST_HOLD ? Math.min(2 * hold, MAX_HOLD) : FIRST_HOLD;
        split = splitFaster;
        held = 0;
        heldTook = 0;
        heldWork = 0;
        tried = -1;
        Arrays.fill(took, 0);
        Arrays.fill(work, 0);
    }

    /** Whether the site's latest choice is the split. */
    boolean chosenSplit() {
        return split;
    }
}
