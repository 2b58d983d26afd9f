package org.brainj.benchmarks.speed;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.brainj.api.tensor.Backends;

/**
 * Where a speed case's first simulated second goes in a fresh JVM, by thread: the loop's own
 * thread, the JIT's C1 and C2 compiler threads, the VM thread (the serial collector's pauses) and
 * the rest, each as CPU time from Linux's {@code /proc/self/task/TID/schedstat} (nanoseconds,
 * where the process CPU time that {@link SpeedSuite} and {@code run_all.py} report ticks in 10 ms),
 * over the same run {@link SpeedSuite} times (built, then a full collection, then one run). With
 * {@code chunks} above 1 the duration runs in that many equal runs and the loop thread's CPU per
 * run is printed too: the warm-up curve (interpreter, C1's profiled code, C2's).
 *
 * <p>Usage: {@code ColdLoop CASE N [chunks]}; the JVM options as {@code run_all.py} gives them.
 */
public final class ColdLoop {
    private ColdLoop() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: ColdLoop CASE N [chunks]; cases: " + SpeedCases.NAMES);
            System.exit(2);
        }
        int chunks = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        SpeedCases.Case c = SpeedCases.of(args[0], Integer.parseInt(args[1]), Backends.get("cpu"), 1);
        c.build().run();
        // as SpeedSuite's heap measure does: else the build's garbage is collected inside the loop
        System.gc();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        StringJoiner curve = new StringJoiner(", ", "[", "]");
        Map<String, Long> before = byThread();
        long start = System.nanoTime();
        for (int k = 0; k < chunks; k++) {
            long own = threads.getCurrentThreadCpuTime();
            c.run().accept(c.duration() / chunks);
            curve.add(String.format(Locale.ROOT, "%.2f", (threads.getCurrentThreadCpuTime() - own) * 1e-6));
        }
        double wall = (System.nanoTime() - start) * 1e-9;
        Map<String, Long> after = byThread();
        StringJoiner cpu = new StringJoiner(", ");
        after.forEach((kind, ns) -> cpu.add(String.format(Locale.ROOT, "\"%s\": %.1f", kind,
                (ns - before.getOrDefault(kind, 0L)) * 1e-6)));
        System.out.printf(Locale.ROOT, "{\"case\": \"%s\", \"n\": %s, \"loop_s\": %.4f, \"cpu_ms\": {%s}, \"chunk_loop_ms\": %s}%n",
                args[0], args[1], wall, cpu, curve);
    }

    /** CPU time (ns) so far of this process's threads, summed by kind: loop (this thread), C1, C2, VM, other. */
    private static Map<String, Long> byThread() {
        Map<String, Long> ns = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                String name = Files.readString(task.resolve("comm")).trim();
                // Linux keeps 15 characters of a name ("C2 CompilerThre"); the main thread keeps the launcher's,
                // "java", as does the launcher's own thread, which only waits for it
                String kind = name.startsWith("C1 ") ? "C1" : name.startsWith("C2 ") ? "C2"
                        : name.equals("VM Thread") ? "VM" : name.equals("java") ? "loop" : "other";
                long onCpu = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                ns.merge(kind, onCpu, Long::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException("ColdLoop reads Linux's /proc/self/task/*/schedstat, which this system lacks", e);
        }
        return ns;
    }
}
