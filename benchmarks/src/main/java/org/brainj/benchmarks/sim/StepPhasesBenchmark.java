package org.brainj.benchmarks.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.brainj.api.sim.Network;
import org.brainj.api.tensor.Backends;
import org.brainj.examples.Coba;

/**
 * Where a fresh JVM's first simulated second of COBA (4000 LIF, 1 s) spends the loop thread's
 * CPU, per entry of the schedule and per range of steps: a probe (a step function reading the
 * thread's CPU clock) runs before every entry and after the last, so the table shows when each
 * entry reaches its compiled speed (the JIT's warm-up inside the loop) and what it costs after.
 * A probe costs about a microsecond of CPU, charged to the entry it ends; compare tables of the
 * same build or of two builds, not the totals with {@code SpeedSuite}'s.
 *
 * <p>Usage: {@code StepPhasesBenchmark [seed: 1]}.
 */
public final class StepPhasesBenchmark {
    private static final int STEPS = 10_000;
    private static final int[] EDGES = {0, 100, 500, 1000, 1500, 2000, 3000, 5000, STEPS - 1};

    private StepPhasesBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        Coba coba = new Coba(Backends.get("cpu"), seed);
        Network net = coba.network();
        List<String> schedule = net.schedule();
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[schedule.size() + 1][STEPS];
        List<String> order = new ArrayList<>();
        for (int k = 0; k <= schedule.size(); k++) {
            long[] at = cpu[k];
            net.step("probe" + k, (step, t) -> at[(int) step] = clock.getCurrentThreadCpuTime());
            order.add("probe" + k);
            if (k < schedule.size()) {
                order.add(schedule.get(k));
            }
        }
        net.order(order);
        net.build();
        net.run(STEPS * net.dt());

        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-13s", "steps"));
        schedule.forEach(entry -> header.append(String.format(Locale.ROOT, " %12s", entry)));
        System.out.println(header.append("  loop (us of thread CPU per step)"));
        for (int e = 1; e < EDGES.length; e++) {
            int from = EDGES[e - 1];
            int to = EDGES[e];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d-%-7d", from, to));
            for (int k = 0; k < schedule.size(); k++) {
                line.append(String.format(Locale.ROOT, " %12.1f", perStep(cpu[k + 1], cpu[k], from, to)));
            }
            // from the last probe of a step to the first of the next: the network's own loop
            long loop = 0;
            for (int s = from; s < to; s++) {
                loop += cpu[0][s + 1] - cpu[schedule.size()][s];
            }
            System.out.println(line.append(String.format(Locale.ROOT, "  %6.1f", loop / 1e3 / (to - from))));
        }
        System.out.printf(Locale.ROOT, "%d spikes%n", coba.spikes().count());
    }

    private static double perStep(long[] end, long[] start, int from, int to) {
        long sum = 0;
        for (int s = from; s < to; s++) {
            sum += end[s] - start[s];
        }
        return sum / 1e3 / (to - from);
    }
}
