package org.brainj.benchmarks.speed;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.brainj.api.sim.NonFiniteStateException;
import org.brainj.api.tensor.Backends;

/**
 * One case of Brian2's speed suite on BrainJ, timed as Brian2 times its own: the simulation loop
 * only ({@code network.run}), after the network is built and its kernels compiled. Prints one
 * JSON line: the case, its size, the backend, the build time, the loop's wall and process CPU
 * time (CPU above wall means other threads worked: JIT, GC, a second core), the simulated time,
 * the case's check value ({@link SpeedCases}), its synapses, the heap the built network holds
 * after a full GC, and the synaptic events delivered, for {@code benchmarks/run_all.py} to set
 * beside Brian2's line. The loop includes the JVM's JIT warm-up, as a run in a fresh process does.
 * With {@code runs} above 1 the network runs the case's duration that many times in a row, one
 * line each: the later ones time the compiled loop alone (the kernels' cost, for A/B comparisons
 * of code generation), the network continuing from where it was, its check value counting
 * from the start.
 *
 * <p>Usage: {@code SpeedSuite CASE N [backend] [seed] [runs]}.
 */
public final class SpeedSuite {
    private SpeedSuite() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: SpeedSuite CASE N [backend] [seed]; cases: " + SpeedCases.NAMES);
            System.exit(2);
        }
        String name = args[0];
        int n = Integer.parseInt(args[1]);
        String backend = args.length > 2 ? args[2] : "cpu";
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        long heap0 = heapAfterGc();
        long t0 = System.nanoTime();
        SpeedCases.Case c = SpeedCases.of(name, n, Backends.get(backend), seed);
        c.build().run();
        double build = (System.nanoTime() - t0) * 1e-9;
        // what the built network holds on the heap: state, connectivity, kernels, monitors
        long heap = heapAfterGc() - heap0;

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            long cpu0 = os.getProcessCpuTime();
            long thread0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            try {
                c.run().accept(c.duration());
            } catch (NonFiniteStateException e) {
                // raised after the last step (the case puts its check off): the loop ran in full, as Brian2's did
                System.err.println(e.getMessage());
            }
            double loop = (System.nanoTime() - start) * 1e-9;
            double cpu = (os.getProcessCpuTime() - cpu0) * 1e-9;
            // the calling thread alone: the loop's own work when one thread runs it, without the JIT
            // compiler and GC threads that the process's CPU time also counts
            double threadCpu = (threads.getCurrentThreadCpuTime() - thread0) * 1e-9;
            System.out.printf(Locale.ROOT, "{\"case\": \"%s\", \"n\": %d, \"backend\": \"%s\", \"build_s\": %.3f, "
                            + "\"loop_s\": %.4f, \"loop_cpu_s\": %.3f, \"loop_thread_cpu_s\": %.3f, \"duration_s\": %.1f, \"%s\": %.6g, "
                            + "\"synapses\": %d, \"heap_bytes\": %d, \"events\": %.6g}%n",
                    name, n, backend, build, loop, cpu, threadCpu, c.duration() / 1000, c.checkName(), c.check().getAsDouble(),
                    c.synapses().getAsLong(), heap, c.events().getAsDouble());
        }
    }

    /** The heap in use after a full collection (System.gc() is one with the JVM's default collector). */
    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
