package org.brainj.launcher.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.sim.WholeSteps;
import org.brainj.api.tensor.Backend;
import org.brainj.launcher.platform.BackendDeparture;
import org.brainj.launcher.spec.SpecLoader;

/**
 * Runs a network to the end of its run in chunks of steps, and between chunks (at step
 * boundaries, with every monitor flushed to the host) moves it to another backend with
 * {@link Network#moveTo}: at the times {@code --switch-backend} gives, and when the backend in use
 * leaves ({@link #departing}, called on the thread that unregisters it, is held until the network
 * has moved off, so its state is read while the backend still works). A departing backend's run
 * continues on {@value #FALLBACK}, else on any other backend registered, else it stops with what
 * it recorded until then.
 *
 * <p>Chunks are sized to take about {@link #CHUNK_SECONDS} of wall time (and at most a hundredth of
 * the run, the progress bar's resolution), which bounds how long a departing backend waits. Chunking
 * changes no number: every step is the same computation whichever chunk it falls in.
 */
public final class SegmentedRun implements BackendDeparture, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SegmentedRun.class.getName());
    /** Where a run goes when its backend leaves: the backend that needs nothing but Java. */
    public static final String FALLBACK = "cpu";
    static final double CHUNK_SECONDS = 0.1;
    /** How long a departing backend is held for the run to reach a step boundary. */
    static final long DEPARTURE_WAIT_SECONDS = 60;

    /** A switch at a step. */
    private record Planned(long step, BackendSwitch change) {
    }

    private final Network network;
    private final double dt;
    private final long endStep;
    private final List<Planned> planned;
    private final BackendSource source;
    private final ProgressListener progress;
    private final List<BackendSpan> spans = new ArrayList<>();
    /** Checkpoints: every so many steps (from time 0) into this file; none when 0. */
    private long checkpointSteps;
    private Path checkpoint;

    private final Object lock = new Object();
    /** Guarded by lock: while true, departures of {@link #current} are held until handled. */
    private boolean active = true;
    private Backend current;
    private Backend departing;
    private String departingName;

    // the span in progress
    private String spanBackend;
    private String spanReason;
    private double spanFrom;
    private double spanWall;
    private double spanMove;

    /**
     * @param network  a built network at its start time
     * @param dt       its time step (ms)
     * @param duration the simulated time to run (ms, a whole number of steps)
     * @param switches the moves asked for, at times in (0, duration)
     * @param source   where backends are found when the run moves
     * @param progress told after every chunk; may end the run by throwing
     */
    public SegmentedRun(Network network, double dt, double duration, List<BackendSwitch> switches, BackendSource source,
                        ProgressListener progress) {
        this.network = network;
        this.dt = dt;
        long first = network.currentStep();
        this.endStep = first + Math.round(duration / dt);
        this.planned = plan(switches, dt, duration, first);
        this.source = source;
        this.progress = progress;
        synchronized (lock) {
            current = network.backend();
        }
    }

    /**
     * Checks the switch times and orders them: each inside the run (0, duration), a whole number
     * of steps, no two at one time.
     */
    private static List<Planned> plan(List<BackendSwitch> switches, double dt, double duration, long first) {
        List<Planned> plan = new ArrayList<>();
        for (BackendSwitch s : switches) {
            if (!(s.ms() > 0 && s.ms() < duration)) {
                throw new BrainJException("--switch-backend '" + s.given() + "': " + ms(s.ms()) + " ms is not inside the run (0 to "
                        + ms(duration) + " ms); give a time after the start and before the end");
            }
            if (!WholeSteps.isWhole(s.ms(), dt)) {
                throw new BrainJException("--switch-backend '" + s.given() + "': " + ms(s.ms()) + " ms is not a whole number of steps of dt = "
                        + ms(dt) + " ms; give a multiple of dt");
            }
            plan.add(new Planned(first + WholeSteps.count(s.ms(), dt), s));
        }
        plan.sort(Comparator.comparingLong(Planned::step));
        for (int i = 1; i < plan.size(); i++) {
            if (plan.get(i).step() == plan.get(i - 1).step()) {
                throw new BrainJException("--switch-backend '" + plan.get(i - 1).change().given() + "' and '" + plan.get(i).change().given()
                        + "' both switch at " + ms(plan.get(i).change().ms()) + " ms; give one backend per time");
            }
        }
        return plan;
    }

    /**
     * Saves the network into {@code file} ({@link Network#save}, replacing the last) at every
     * multiple of {@code everyMs} of simulated time before the end, at a chunk boundary: a run
     * stopped by a crash or Ctrl-C resumes from the last ({@code brainj run --resume}).
     */
    public SegmentedRun checkpointEvery(double everyMs, Path file) {
        if (!(everyMs >= dt) || !WholeSteps.isWhole(everyMs, dt)) {
            throw new BrainJException("--checkpoint-every " + ms(everyMs) + " ms is not a whole number of steps of dt = " + ms(dt)
                    + " ms; give a multiple of dt, e.g. 100 ms");
        }
        checkpointSteps = WholeSteps.count(everyMs, dt);
        checkpoint = file;
        return this;
    }

    /** Runs to the end; the spans are complete whether it ends normally or by an exception. */
    public void run() {
        long firstStep = network.currentStep();
        long chunk = 1;
        long cap = Math.max(1, (endStep - firstStep) / 100);
        int next = 0;
        long start = System.nanoTime();
        open(network.backend().name(), BackendSpan.START, network.time());
        try {
            while (network.currentStep() < endStep) {
                moveOffDeparting();
                while (next < planned.size() && planned.get(next).step() <= network.currentStep()) {
                    switchTo(planned.get(next++).change());
                }
                long until = next < planned.size() ? Math.min(planned.get(next).step(), endStep) : endStep;
                if (checkpointSteps > 0) {
                    until = Math.min(until, (network.currentStep() / checkpointSteps + 1) * checkpointSteps);
                }
                long steps = Math.min(chunk, until - network.currentStep());
                long t0 = System.nanoTime();
                try {
                    network.run(steps * dt);
                } finally {
                    spanWall += (System.nanoTime() - t0) * 1e-9;
                }
                double wall = (System.nanoTime() - t0) * 1e-9;
                // grow at most twofold per chunk: the first chunks may include one-time costs
                chunk = Math.max(1, Math.min(cap, Math.round(steps * Math.min(2, CHUNK_SECONDS / Math.max(wall, 1e-6)))));
                if (checkpointSteps > 0 && network.currentStep() % checkpointSteps == 0 && network.currentStep() < endStep) {
                    network.save(checkpoint);
                }
                progress.progress((network.currentStep() - firstStep) / (double) (endStep - firstStep), (System.nanoTime() - start) * 1e-9);
            }
        } finally {
            closeSpan();
            synchronized (lock) {
                active = false;
                lock.notifyAll();
            }
        }
    }

    /** Where the run went: one span per backend it ran on, in order. */
    public List<BackendSpan> spans() {
        return List.copyOf(spans);
    }

    /** Stops holding departing backends: after this, they leave without waiting for the run. */
    @Override
    public void close() {
        synchronized (lock) {
            active = false;
            lock.notifyAll();
        }
    }

    /**
     * Holds the departing backend, if the run is on it, until the run has moved off it at the next
     * step boundary (or ended), for at most {@value #DEPARTURE_WAIT_SECONDS} s.
     */
    @Override
    public void departing(String name, Backend backend) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEPARTURE_WAIT_SECONDS);
        try {
            synchronized (lock) {
                // one departure at a time: another backend may be leaving too
                while (active && departing != null && departing != backend && waitUntil(deadline)) {
                    // waiting
                }
                if (!active || backend != current) {
                    return;
                }
                departing = backend;
                departingName = name;
                while (active && departing == backend && waitUntil(deadline)) {
                    // waiting for the run loop
                }
                if (active && departing == backend) {
                    LOG.warning("the run did not reach a step boundary within " + DEPARTURE_WAIT_SECONDS + " s; backend '" + name
                            + "' leaves while the run still uses it");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean waitUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        return true;
    }

    /** At a step boundary: if the backend in use is leaving, moves to the fallback while it still works. */
    private void moveOffDeparting() {
        Backend leaving;
        String name;
        synchronized (lock) {
            leaving = departing;
            name = departingName;
        }
        if (leaving == null) {
            return;
        }
        try {
            if (leaving == network.backend()) {
                Backend fallback = fallback(name);
                if (fallback == null) {
                    throw new BrainJException("backend '" + name + "' left at t = " + ms(network.time())
                            + " ms (its bundle stopped) and no other backend is registered; the outputs hold what was recorded"
                            + " until then; start a backend bundle and run the spec again");
                }
                move(fallback, "backend '" + name + "' left");
            }
        } finally {
            synchronized (lock) {
                departing = null;
                departingName = null;
                lock.notifyAll();
            }
        }
    }

    /** {@value #FALLBACK} if registered, else the first other backend by name, else null. */
    private Backend fallback(String leaving) {
        List<String> candidates = new ArrayList<>(List.of(FALLBACK));
        source.names().stream().filter(n -> !n.equals(FALLBACK)).forEach(candidates::add);
        for (String n : candidates) {
            Backend b = n.equals(leaving) ? null : source.find(n);
            if (b != null && b != network.backend()) {
                return b;
            }
        }
        return null;
    }

    private void switchTo(BackendSwitch change) {
        if (change.backend().equals(network.backend().name())) {
            return;
        }
        Backend target = source.find(change.backend());
        if (target == null) {
            LOG.warning("--switch-backend '" + change.given() + "': backend '" + change.backend() + "' is not registered at "
                    + ms(network.time()) + " ms (its bundle stopped?); the run stays on " + network.backend().name());
            return;
        }
        move(target, "--switch-backend " + change.given());
    }

    private void move(Backend target, String reason) {
        closeSpan();
        open(target.name(), reason, network.time());
        long t0 = System.nanoTime();
        try {
            network.moveTo(target);
        } finally {
            spanMove = (System.nanoTime() - t0) * 1e-9;
            spanWall += spanMove;
        }
        synchronized (lock) {
            current = target;
        }
    }

    private void open(String backend, String reason, double fromMs) {
        spanBackend = backend;
        spanReason = reason;
        spanFrom = fromMs;
        spanWall = 0;
        spanMove = 0;
    }

    private void closeSpan() {
        spans.add(new BackendSpan(spanBackend, spanReason, spanFrom, network.time(), spanWall, spanMove));
    }

    private static String ms(double ms) {
        return SpecLoader.ms(ms);
    }
}
