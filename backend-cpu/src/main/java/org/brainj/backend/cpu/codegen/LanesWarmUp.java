package org.brainj.backend.cpu.codegen;

import java.util.function.Function;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuTensor;

/**
 * Lanes code ({@link VectorLoop}) made ready on a thread of its own while scalar code runs the
 * step. Until C2 has compiled it, the Vector API allocates every vector it computes (measured,
 * CUBA at 10^4: 400 ns per element and step interpreted, 50 once C1 compiled it, against 2 for
 * scalar code), and its first call initialises the API's classes (150 ms): lanes code run from the
 * first step cost CUBA at 10^4 more in its first simulated second than the lanes saved later
 * (hence lanes only from 50,000 elements before), and even made ready beside the step it takes
 * about 0.5 s of CPU (the thread, C1 and C2), which on two busy cores slowed a first simulated
 * second (1.4-2.7 s of wall time against 1.2-1.4). So the thread starts only after
 * {@link #START_AFTER} steps: it compiles the lanes code and runs it over its own copy of the state
 * (the parameters are only read) until C2 has compiled it, that is until {@link #FASTER} calls in
 * a row over the whole population each take less time than the scalar code's latest call, which
 * the stepping thread {@link #scalarTook reports} (between them, calls over a {@link #CHUNK}).
 * Then the step switches to the lanes (one compiled method, whichever instance runs it). Both codes
 * give each element the same numbers to the bit, so when the switch happens changes nothing but
 * time.
 *
 * <p>The thread ends when no scalar call has been reported for {@link #IDLE_NS} (the network
 * stopped, or split its steps), and the next report starts it again; where the lanes never get
 * faster (no SIMD worth the name, or no core to spare) it gives up after {@link #GIVE_UP_NS} of
 * trying, and the scalar code keeps the step.
 */
final class LanesWarmUp implements Runnable {
    /** Scalar calls reported before the thread first starts: a simulated second at dt = 0.1 ms. */
    static final int START_AFTER = 10_000;
    /**
     * The elements of most of the thread's calls. The JIT counts calls and loop iterations, not
     * elements, so short calls get the lanes compiled with less interpreting and garbage.
     */
    static final int CHUNK = 64;
    /** One call in this many runs the whole population, timed against the scalar code. */
    static final int WHOLE_EVERY = 32;
    /** Whole-population calls in a row faster than the scalar code that make the lanes ready. */
    static final int FASTER = 4;
    /** How long the thread waits for a report of the scalar code before it ends. */
    static final long IDLE_NS = 100_000_000L;
    /** How long the thread tries, in all, before it leaves the step to the scalar code. */
    static final long GIVE_UP_NS = 10_000_000_000L;

    /** The lanes code over the tensors given: the step's own, or the copies. */
    private final Function<CpuTensor[], ElementRange> lanesOver;
    private final CpuTensor[] tensors;
    private final int stateCount;
    private final int size;
    private final boolean listsEvents;
    /** The scalar code's latest call over the whole population, in ns, its time step, and when it was reported. */
    private volatile long scalarNs;
    private volatile double dt;
    private volatile long reportedAt;
    private volatile boolean running;
    /** Set once {@link #lanes} is, which the stepping thread reads after it. */
    private volatile boolean ready;
    private volatile boolean givenUp;
    private ElementRange lanes;
    /** The step's tensors with copies in place of its state, the lanes code over them, and their events. */
    private CpuTensor[] copies;
    private ElementRange scratch;
    private int[] events;
    /** The thread's time trying so far, the time its copies of the state were taken at, and its steps since. */
    private long tried;
    private double origin;
    private long step;
    /** Scalar calls reported, up to {@link #START_AFTER}. */
    private int reports;

    /**
     * @param lanesOver the lanes code over the tensors given, compiled on the thread
     * @param tensors   the step's tensors, its state first (float64, as lanes need)
     */
    LanesWarmUp(Function<CpuTensor[], ElementRange> lanesOver, CpuTensor[] tensors, int stateCount, int size,
            boolean listsEvents) {
        this.lanesOver = lanesOver;
        this.tensors = tensors;
        this.stateCount = stateCount;
        this.size = size;
        this.listsEvents = listsEvents;
    }

    /**
     * The stepping thread's report of one scalar call over the whole population, whose state is
     * now at time {@code t}; starts the thread where it is due and not running.
     */
    void scalarTook(long ns, double t, double dt) {
        scalarNs = ns;
        this.dt = dt;
        reportedAt = System.nanoTime();
        if (reports < START_AFTER) {
            reports++;
        } else if (!running) {
            // the state as it is now, copied on the stepping thread: the branches the lanes take
            // on it are the ones C2 profiles
            if (copies == null) {
                copies = tensors.clone();
                for (int k = 0; k < stateCount; k++) {
                    copies[k] = tensors[k].backend().zeros(DType.FLOAT64, tensors[k].shape());
                }
            }
            for (int k = 0; k < stateCount; k++) {
                System.arraycopy(tensors[k].data(), tensors[k].offset(), copies[k].data(), 0, size);
            }
            origin = t;
            step = 0;
            running = true;
            Thread thread = new Thread(this, "brainj-cpu-lanes-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            if (scratch == null) {
                scratch = lanesOver.apply(copies);
                events = listsEvents ? new int[size] : null;
            }
            int faster = 0;
            for (long call = 1; faster < FASTER && tried + System.nanoTime() - start < GIVE_UP_NS
                    && System.nanoTime() - reportedAt < IDLE_NS; call++) {
                boolean whole = call % WHOLE_EVERY == 0;
                long t0 = System.nanoTime();
                // the copies' time line goes on from the step's, which last-spike times are on
                scratch.run(origin + step * dt, dt, step, 0, whole ? size : Math.min(CHUNK, size), events, 0);
                step++;
                if (whole) {
                    faster = System.nanoTime() - t0 < scalarNs ? faster + 1 : 0;
                }
            }
            if (faster == FASTER) {
                lanes = lanesOver.apply(tensors);
                ready = true;
            }
            tried += System.nanoTime() - start;
            givenUp = !ready && tried >= GIVE_UP_NS;
        } catch (RuntimeException | Error e) {
            givenUp = true;
            throw e;
        } finally {
            running = false;
        }
    }

    /** Whether the lanes are ready to take the step over. */
    boolean ready() {
        return ready;
    }

    /** Whether the thread gave up: the scalar code keeps the step. */
    boolean givenUp() {
        return givenUp;
    }

    /** The lanes code over the step's own tensors; once {@link #ready}. */
    ElementRange lanes() {
        return lanes;
    }
}
