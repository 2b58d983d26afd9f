package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What a network and its run will need, added up before anything is allocated, so that a run too
 * large for the machine is refused at once with its estimate instead of failing with an
 * {@link OutOfMemoryError} after minutes. Items are estimates in bytes (state per element,
 * synapses from {@link org.brainj.api.connect.Connector#expectedSynapses}, delay buffers,
 * monitors over the whole duration); {@link #check} compares their sum with a limit.
 */
public final class MemoryPlan {
    /** Bytes of one synapse: an int32 post index and a float64 weight. */
    public static final int BYTES_PER_SYNAPSE = 12;
    /**
     * The most steps one run may take: step indices are counted in int64, but a run of more steps
     * than this cannot finish in any plausible time (10^12 steps is over a day at one step per
     * 100 ns), so it is a unit mistake rather than a plan.
     */
    public static final double MAX_STEPS = 1e12;

    /** One part of the estimate. */
    public record Item(String what, double bytes) {
    }

    private final List<Item> items = new ArrayList<>();

    /** Adds {@code bytes} needed by {@code what} (e.g. "projection EE: 3.2e6 synapses"). */
    public MemoryPlan add(String what, double bytes) {
        if (!(bytes >= 0)) {
            throw new SimulationException(what + " needs " + bytes + " bytes: an estimate must be a number >= 0");
        }
        items.add(new Item(what, bytes));
        return this;
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public double total() {
        return items.stream().mapToDouble(Item::bytes).sum();
    }

    /**
     * Refuses the plan when its total exceeds {@code limitBytes}, in one line giving the estimate,
     * the limit, the largest items and {@code fix} (what the caller can change: a smaller
     * network, more heap, a recording period...).
     */
    public void check(double limitBytes, String fix) {
        double total = total();
        if (total <= limitBytes) {
            return;
        }
        List<String> largest = items.stream().sorted(Comparator.comparingDouble(Item::bytes).reversed()).limit(3)
                .map(i -> i.what() + " " + bytes(i.bytes())).toList();
        throw new RunTooLargeException("the run needs about " + bytes(total) + " but " + bytes(limitBytes)
                + " is available (largest: " + String.join(", ", largest) + "); " + fix);
    }

    /** The bytes the JVM can still give: its maximum heap less what is in use now. */
    public static double availableHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * The number of steps of {@code duration} at {@code dt} (both in ms), refused when either is
     * not a positive finite number or the count exceeds {@link #MAX_STEPS}.
     */
    public static long steps(double duration, double dt) {
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new RunTooLargeException("dt = " + dt + " ms: give a positive finite step, e.g. 0.1 ms");
        }
        if (!(duration >= 0) || Double.isInfinite(duration)) {
            throw new RunTooLargeException("duration = " + duration + " ms: give a finite duration >= 0, e.g. 1 s");
        }
        double steps = Math.ceil(duration / dt - 1e-9);
        if (steps > MAX_STEPS) {
            throw new RunTooLargeException(String.format(Locale.ROOT,
                    "duration %.6g ms at dt %.6g ms is %.3g steps, more than %.0g; check the units of both (a duration"
                            + " of 1e30 s or a dt of 1e-300 ms is a typo), or split the run", duration, dt, steps, MAX_STEPS));
        }
        return (long) steps;
    }

    /** Bytes as a person reads them: 512 B, 3.1 MiB, 4.2 GiB. */
    public static String bytes(double n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (n >= 1024 && u < units.length - 1) {
            n /= 1024;
            u++;
        }
        return u == 0 ? String.format(Locale.ROOT, "%.0f B", n)
                : String.format(Locale.ROOT, "%.1f %s", n, units[u]);
    }
}
