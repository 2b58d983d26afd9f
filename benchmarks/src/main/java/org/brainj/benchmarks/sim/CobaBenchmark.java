package org.brainj.benchmarks.sim;

import java.util.Locale;
import org.brainj.api.tensor.Backends;
import org.brainj.examples.Coba;

/**
 * The simulation-loop time of the COBA network (4000 LIF, 1 s of biological time, dt = 0.1 ms)
 * on the CPU backend, to set beside Brian2's C++ standalone loop time for the same model
 * ({@code benchmarks/brian2/coba.py --standalone}). It reports the time of {@code run(1000 ms)}
 * alone, as Brian2 reports the time of its {@code network.run} loop: building (connectivity,
 * kernel compilation) is timed separately. The first run includes the JVM's JIT warm-up; the
 * repeats reset the network and run again on the same compiled kernels.
 *
 * <p>Usage: {@code CobaBenchmark [seed] [repeats]}.
 */
public final class CobaBenchmark {
    private CobaBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double duration = 1000;
        long t0 = System.nanoTime();
        Coba coba = new Coba(Backends.get("cpu"), seed);
        coba.network().build();
        double build = seconds(t0);
        System.out.printf(Locale.ROOT, "build (connectivity, kernels): %.3f s%n", build);
        for (int r = 0; r <= repeats; r++) {
            if (r > 0) {
                coba.network().reset();
            }
            long start = System.nanoTime();
            coba.network().run(duration);
            double loop = seconds(start);
            double[] rates = coba.rates(duration);
            System.out.printf(Locale.ROOT, "%s: loop %.3f s, E %.2f Hz, I %.2f Hz%n",
                    r == 0 ? "first run" : "repeat " + r, loop, rates[0], rates[1]);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) * 1e-9;
    }
}
