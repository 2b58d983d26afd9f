package org.brainj.benchmarks.backend;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.brainj.examples.Coba;

/**
 * The per-step cost of the COBA network (4000 LIF, float64, dt = 0.1 ms, about 320,000
 * synapses) on each named backend: the wall and process CPU time of {@code run(duration)}
 * divided by its steps, after a warm-up run of the same duration (JIT, first launches) on the
 * built network. Building
 * (connectivity, kernel compilation) is timed on its own. Every run continues the same network,
 * so the activity (about 20 Hz) is the steady state's. On a machine shared with other work
 * compare the minimum over repeats.
 *
 * <p>Usage: {@code CobaPerStepBenchmark [backends, comma-separated: cpu,aparapi] [duration ms: 200]
 * [repeats: 3] [seed: 1]}.
 */
public final class CobaPerStepBenchmark {
    private CobaPerStepBenchmark() {
    }

    public static void main(String[] args) {
        List<String> names = List.of((args.length > 0 ? args[0] : "cpu,aparapi").split(","));
        double duration = args.length > 1 ? Double.parseDouble(args[1]) : 200;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        for (String name : names) {
            measure(Backends.get(name), duration, repeats, seed);
        }
    }

    private static void measure(Backend backend, double duration, int repeats, long seed) {
        System.out.printf(Locale.ROOT, "%s: %s%n", backend.name(), backend.description());
        long t0 = System.nanoTime();
        Coba coba = new Coba(backend, seed);
        coba.network().build();
        System.out.printf(Locale.ROOT, "  build (connectivity, kernels): %.3f s%n", (System.nanoTime() - t0) * 1e-9);
        coba.network().run(duration);
        long steps = Math.round(duration / coba.network().dt());
        double[] wall = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            int spikesBefore = coba.spikes().count();
            long cpu0 = processCpuNanos();
            long w0 = System.nanoTime();
            coba.network().run(duration);
            wall[r] = (System.nanoTime() - w0) * 1e-6 / steps;
            double cpu = (processCpuNanos() - cpu0) * 1e-6 / steps;
            double rate = (coba.spikes().count() - spikesBefore) / (Coba.N * duration / 1000);
            System.out.printf(Locale.ROOT, "  run %d: %d steps, %.4f ms/step wall, %.4f ms/step process CPU, %.1f Hz%n",
                    r + 1, steps, wall[r], cpu, rate);
        }
        System.out.printf(Locale.ROOT, "  %s per step: min %.4f ms wall%n", backend.name(), Arrays.stream(wall).min().orElseThrow());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
