package org.brainj.backend.cpu;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * How a CPU backend splits one operation of a step over threads: into {@code threads} parts, part
 * 0 on the calling thread and each other part on a worker of a team shared by every backend with
 * the same thread count, where the operation's {@link SplitSite} says so. Each
 * part's result must not depend on which thread runs it, so that a step gives the same numbers
 * whatever the thread count: kernels give each part its own elements, delivery its own range of
 * post-synaptic elements. Since a split never changes the numbers, whether to split is free to
 * choose: {@link #measured} lets each operation site ({@link SplitSite}) time both ways and keep
 * the faster, a fixed {@code minWorkNs} splits by an estimate of the work (tests pass 0 to split
 * everything).
 *
 * <p>A step is a sequence of short operations (tens of microseconds each), so the hand-over costs
 * what it takes to notice a new operation: a worker spins for {@link #SPIN_NS} after its part
 * before it parks, and the caller spins while the workers finish (a fork-join pool parks its
 * workers at once, and waking one costs 10 to 50 microseconds: measured, CUBA at 10^4 took twice
 * the wall time on two threads that it took on one). A worker idle for {@link #IDLE_NS} ends, so
 * a team holds no thread while nothing runs; the next split starts it again.
 *
 * <p>No estimate of an operation's work tells when a split pays: the estimates ran ten times high
 * for plain arithmetic (CUBA's LIF at 10^4, estimated near 300 us, takes 25 us), and whether the
 * other core is free changes from minute to minute (CUBA at 10^4 took 0.36-0.87 s of wall time
 * per simulated second split in two and 0.26 s on one thread at load 4), while the delivery of
 * SparseHighRate at 10^4 (140 us a step, estimated 400 us) never reached a 1 ms threshold set
 * for the kernels. Hence the measured sites.
 */
public final class StepThreads {
    /** How long a worker, or the caller, spins on the counter before parking. */
    static final long SPIN_NS = 50_000;
    /** How long a parked worker waits for a new part before it ends. */
    static final long IDLE_NS = 1_000_000_000L;
    /**
     * The estimated work (ns) below which a {@link #measured} site does not even try a split: the
     * hand-over alone costs a few microseconds, and an operation this small takes about that.
     */
    public static final double MEASURED_FLOOR_NS = 10_000;
    /**
     * The system property that sets the default thread count (1 keeps every step on the calling
     * thread: on a machine shared with other work, or to compare); by default the processors.
     */
    public static final String THREADS_PROPERTY = "brainj.cpu.threads";

    private static final int MAX_THREADS = 256;
    private static final Map<Integer, Team> TEAMS = new ConcurrentHashMap<>();

    private final int threads;
    private final double minWorkNs;
    /** The clock a measured site times itself with; null where the estimate alone decides. */
    private final LongSupplier clock;

    /** Splits into {@code threads} parts where an operation's estimated work reaches {@code minWorkNs}. */
    public StepThreads(int threads, double minWorkNs) {
        this(threads, minWorkNs, null);
    }

    private StepThreads(int threads, double minWorkNs, LongSupplier clock) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("a CPU backend runs a step on 1 to " + MAX_THREADS + " threads, not " + threads);
        }
        if (!(minWorkNs >= 0)) {
            throw new IllegalArgumentException("the least work worth splitting is a time in ns >= 0, not " + minWorkNs);
        }
        this.threads = threads;
        this.minWorkNs = minWorkNs;
        this.clock = clock;
    }

    /**
     * Splits into {@code threads} parts at the sites where a split measured faster than one thread
     * ({@link SplitSite}), trying it from {@link #MEASURED_FLOOR_NS} of estimated work.
     */
    public static StepThreads measured(int threads) {
        return measured(threads, System::nanoTime);
    }

    /** {@link #measured(int)} timed by {@code clock} (ns): tests give a clock they advance themselves. */
    static StepThreads measured(int threads, LongSupplier clock) {
        return new StepThreads(threads, MEASURED_FLOOR_NS, clock);
    }

    /** The default: {@value #THREADS_PROPERTY} threads (else the processors), {@link #measured}. */
    static StepThreads byDefault() {
        String property = System.getProperty(THREADS_PROPERTY);
        int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
        if (property != null) {
            try {
                threads = Integer.parseInt(property.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + THREADS_PROPERTY + "=" + property + " is not a thread count;"
                        + " give a whole number such as 1 or 2", e);
            }
        }
        return measured(threads);
    }

    /** The parts an operation is split into when it splits. */
    public int threads() {
        return threads;
    }

    /**
     * Whether an operation of {@code workNs} estimated nanoseconds may be split: where a fixed
     * threshold decides, whether it is; where sites are {@link #measured}, whether one tries.
     */
    public boolean pays(double workNs) {
        return threads >= 2 && workNs >= minWorkNs;
    }

    /** A new site deciding for one operation of a step whether to split it. */
    public SplitSite site() {
        return new SplitSite(this, clock);
    }

    /** One part of an operation. */
    @FunctionalInterface
    public interface Part {
        void run(int part);
    }

    /**
     * Runs parts {@code 0 .. threads - 1}, each once, on the caller and the team's workers, and
     * returns when all are done, rethrowing the first failure. While another thread's step holds
     * the team (two networks stepping at once), the caller runs every part itself: the same
     * parts, so the same result.
     */
    public void run(Part part) {
        Team team = threads == 1 ? null : TEAMS.computeIfAbsent(threads, Team::new);
        if (team == null || !team.busy.compareAndSet(false, true)) {
            for (int p = 0; p < threads; p++) {
                part.run(p);
            }
            return;
        }
        try {
            team.run(part, threads);
        } finally {
            team.busy.set(false);
        }
    }

    /** One operation's parts, claimed in turn by whichever thread of the team is free first. */
    private static final class Operation {
        final Part part;
        final int parts;
        final AtomicInteger claimed = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread caller = Thread.currentThread();

        Operation(Part part, int parts) {
            this.part = part;
            this.parts = parts;
        }

        /** Runs unclaimed parts until none is left; true if this thread finished the last part. */
        boolean work() {
            boolean last = false;
            for (int p = claimed.getAndIncrement(); p < parts; p = claimed.getAndIncrement()) {
                try {
                    part.run(p);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
                last = done.incrementAndGet() == parts;
            }
            return last;
        }
    }

    /**
     * The workers beside the caller; one caller at a time, who holds {@link #busy}. The parts of
     * an operation are claimed, not assigned: a caller whose worker is slow to wake (a machine
     * busy with other work) runs the parts itself instead of waiting for it.
     */
    private static final class Team {
        final AtomicBoolean busy = new AtomicBoolean();
        private final Worker[] workers;
        /** The latest operation handed out; a worker runs parts of it when it sees a new one. */
        private volatile Operation current;

        Team(int threads) {
            workers = new Worker[threads - 1];
        }

        void run(Part task, int parts) {
            for (int w = 0; w < workers.length; w++) {
                if (workers[w] == null || !workers[w].isAlive() || workers[w].retired) {
                    workers[w] = new Worker(this, w + 1, current);
                    workers[w].start();
                }
            }
            Operation op = new Operation(task, parts);
            current = op;
            for (Worker w : workers) {
                LockSupport.unpark(w);
            }
            op.work();
            long spinUntil = System.nanoTime() + SPIN_NS;
            while (op.done.get() < parts) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            Throwable t = op.failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException(t);
            }
        }

        /** Whether a worker idle since {@code seen} may end: only while no caller hands out work. */
        boolean retire(Worker w, Operation seen) {
            if (!busy.compareAndSet(false, true)) {
                return false;
            }
            try {
                if (current != seen) {
                    return false;
                }
                w.retired = true;
                return true;
            } finally {
                busy.set(false);
            }
        }

        private static final class Worker extends Thread {
            private final Team team;
            private Operation seen;
            volatile boolean retired;

            Worker(Team team, int index, Operation seen) {
                super("brainj-cpu-step-" + index);
                setDaemon(true);
                this.team = team;
                this.seen = seen;
            }

            @Override
            public void run() {
                while (awaitWork()) {
                    if (seen.work()) {
                        LockSupport.unpark(seen.caller);
                    }
                }
            }

            /** Waits for the next operation: true when there is one (in {@link #seen}), false when the worker ends. */
            private boolean awaitWork() {
                long start = System.nanoTime();
                while (true) {
                    Operation op = team.current;
                    if (op != seen) {
                        seen = op;
                        return true;
                    }
                    long waited = System.nanoTime() - start;
                    if (waited < SPIN_NS) {
                        Thread.onSpinWait();
                    } else if (waited < IDLE_NS) {
                        LockSupport.parkNanos(this, IDLE_NS - waited);
                    } else if (team.retire(this, seen)) {
                        return false;
                    } else {
                        start = System.nanoTime();
                    }
                }
            }
        }
    }
}
