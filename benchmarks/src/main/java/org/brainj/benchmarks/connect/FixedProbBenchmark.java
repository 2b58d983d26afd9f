package org.brainj.benchmarks.connect;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.brainj.api.connect.Connectivity;
import org.brainj.connectors.FixedProb;

/**
 * Builds FixedProb connectivity at scale (default 100,000 x 100,000 neurons at p = 0.01, about
 * 10^8 synapses) and reports the wall time of each build and the memory per synapse, both as
 * the CSR arrays' sizes and as the heap retained after a full GC. CPU time (process-wide) is
 * reported beside wall time because on a shared machine wall time also measures the neighbours.
 *
 * <p>Arguments (all optional): {@code numNeurons prob repeats seed}.
 */
public final class FixedProbBenchmark {
    private FixedProbBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double p = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf("FixedProb %,d x %,d, prob %s, seed %d; JVM %s, %d processors, common pool parallelism %d,"
                + " max heap %,d MiB%n", n, n, p, seed, Runtime.version(), Runtime.getRuntime().availableProcessors(),
                ForkJoinPool.commonPool().getParallelism(), Runtime.getRuntime().maxMemory() >> 20);
        FixedProb rule = new FixedProb(p).seed(seed);
        double[] seconds = new double[repeats];
        double[] cpuSeconds = new double[repeats];
        Connectivity c = null;
        long heapRetained = 0;
        for (int r = 0; r < repeats; r++) {
            c = null;
            long before = usedAfterGc(memory);
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            c = rule.connect(n, n);
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            cpuSeconds[r] = (processCpuNanos() - cpu0) / 1e9;
            heapRetained = usedAfterGc(memory) - before;
            System.out.printf("build %d: %.3f s wall, %.3f s CPU (all threads), %,d synapses%n", r + 1, seconds[r],
                    cpuSeconds[r], c.numSynapses());
        }
        long synapses = c.numSynapses();
        long arrayBytes = 4L * c.csr().indptr().length + 4L * c.csr().indices().length;
        double expected = (double) n * n * p;
        System.out.printf("synapses: %,d (expected %,.0f, %.2f standard deviations off)%n", synapses, expected,
                (synapses - expected) / Math.sqrt(expected * (1 - p)));
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf("wall time: best %.3f s, median %.3f s over %d builds (%.1f M synapses/s at best)%n",
                sorted[0], sorted[repeats / 2], repeats, synapses / sorted[0] / 1e6);
        double[] cpuSorted = cpuSeconds.clone();
        Arrays.sort(cpuSorted);
        System.out.printf("CPU time: best %.3f s, median %.3f s (%.1f ns per synapse at best)%n", cpuSorted[0],
                cpuSorted[repeats / 2], cpuSorted[0] * 1e9 / synapses);
        System.out.printf("CSR arrays: %,d bytes = %.3f bytes per synapse%n", arrayBytes, (double) arrayBytes / synapses);
        System.out.printf("heap retained by the Connectivity after GC: %,d bytes = %.3f bytes per synapse%n",
                heapRetained, (double) heapRetained / synapses);
    }

    /** CPU time of the whole JVM process, so that the time the build's worker threads spend counts. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
