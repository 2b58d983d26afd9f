package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brainj run} as its own process, stopped the ways a shell or a cluster's scheduler stops
 * it (Ctrl-C, SIGTERM, SIGKILL) and starved of disk: the exit code says what happened, and the
 * output folder never lies (its summary's status and counts match the files beside it).
 */
class StopsIT {
    private static final Path JAR = Path.of("target", "brainj-launcher.jar");
    private static final Path COBA = Path.of("..", "examples", "coba.yaml");
    /** COBA's population; E and I are views of it, whose spikes are in its files. */
    private static final List<String> POPULATIONS = List.of("P");

    @TempDir
    Path dir;

    /** A run of COBA long enough to be stopped in the middle; its stderr goes to a file. */
    private Process start(Path out, String duration) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // the kernel cache the build gives the tests (pom.xml), not the user's
        String kernels = "-Dbrainj.kernel.cache=" + System.getProperty("brainj.kernel.cache", "off");
        return new ProcessBuilder(java.toString(), kernels, "-jar", JAR.toString(), "run", COBA.toString(), "--duration", duration,
                "--out", out.toString())
                .redirectOutput(dir.resolve(out.getFileName() + ".out").toFile())
                .redirectError(dir.resolve(out.getFileName() + ".err").toFile())
                .start();
    }

    /** Waits until the run has steps behind it: its output folder is claimed and a second has passed. */
    private static void runningIn(Path out, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve(org.brainj.launcher.output.Outputs.MANIFEST))) {
            assertTrue(p.isAlive() && System.nanoTime() < deadline, "the run did not start");
            Thread.sleep(100);
        }
        Thread.sleep(1500);
        assertTrue(p.isAlive(), "the run ended before it could be stopped");
    }

    private static void signal(Process p, String signal) throws Exception {
        // bash's own kill: a minimal Debian (a container, a fresh chroot) has no /bin/kill (procps)
        assertEquals(0, new ProcessBuilder("bash", "-c", "kill -" + signal + " " + p.pid()).start().waitFor());
    }

    private static int exit(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run did not stop within 60 s of the signal");
        return p.exitValue();
    }

    /** Each population's spike count in the summary equals the rows of its CSV and of its .npy. */
    private static void filesAgreeWithSummary(Path out, String summary) throws IOException {
        for (String pop : POPULATIONS) {
            Matcher m = Pattern.compile("\"" + pop + "\": \\{\\s*\"size\": \\d+,\\s*\"spikes\": (\\d+)").matcher(summary);
            assertTrue(m.find(), summary);
            long counted = Long.parseLong(m.group(1));
            long csvRows = Files.lines(out.resolve("spikes_" + pop + ".csv")).count() - 1;
            String npyHeader = new String(Files.readAllBytes(out.resolve("spikes_" + pop + ".npy")), 0, 128,
                    StandardCharsets.ISO_8859_1);
            Matcher shape = Pattern.compile("'shape': \\((\\d+), 2\\)").matcher(npyHeader);
            assertTrue(shape.find(), npyHeader);
            assertEquals(counted, csvRows, pop + " CSV rows");
            assertEquals(counted, Long.parseLong(shape.group(1)), pop + " .npy rows");
        }
    }

    /** Every file in the output folder but the manifest is one the summary lists: no file of another run stays. */
    static void everyFileIsListed(Path out, String summary) throws IOException {
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.equals(org.brainj.launcher.output.Outputs.MANIFEST) || summary.contains("\"" + name + "\""),
                        name + " is not listed: " + summary);
            }
        }
    }

    private void stoppedBy(String signal, int expectedExit) throws Exception {
        Path out = dir.resolve(signal.toLowerCase());
        Process p = start(out, "60 s");
        runningIn(out, p);
        signal(p, signal);
        assertEquals(expectedExit, exit(p), Files.readString(dir.resolve(out.getFileName() + ".err")));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\": \"interrupted\""), summary);
        Matcher simulated = Pattern.compile("\"simulated_ms\": ([0-9.]+)").matcher(summary);
        assertTrue(simulated.find() && Double.parseDouble(simulated.group(1)) > 0
                && Double.parseDouble(simulated.group(1)) < 60_000, summary);
        filesAgreeWithSummary(out, summary);
    }

    /** Whether this process ignores the signal, from the SigIgn mask in /proc/self/status (Linux; false elsewhere). */
    private static boolean ignored(int signal) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .anyMatch(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & (1L << (signal - 1))) != 0);
    }

    // the shell's convention for a process ended by a signal: 128 + the signal's number (SIGINT 2, SIGTERM 15)
    @Test
    void ctrlCEndsWithExit130AndFilesThatAgreeWithTheSummary() throws Exception {
        // A shell without job control starts background commands with SIGINT ignored (POSIX), and an
        // ignored signal stays ignored through exec: the JVM then rightly leaves Ctrl-C alone, so the
        // run cannot be stopped by it and the test would only measure how it was started.
        Assumptions.assumeFalse(ignored(2), "SIGINT is ignored by this process and so by the run it starts "
                + "(started in the background by a shell without job control); run the build in the foreground");
        stoppedBy("INT", 130);
    }

    @Test
    void sigtermEndsWithExit143AndFilesThatAgreeWithTheSummary() throws Exception {
        stoppedBy("TERM", 143);
    }

    /**
     * SIGKILL gives no chance to write anything: the folder keeps no summary (so nothing claims
     * the run completed), and the next run into it leaves only its own files.
     */
    @Test
    void afterSigkillTheFolderHasNoSummaryAndTheNextRunOwnsIt() throws Exception {
        Path out = dir.resolve("kill");
        Process p = start(out, "60 s");
        runningIn(out, p);
        signal(p, "KILL");
        exit(p);
        assertTrue(!Files.exists(out.resolve("summary.json")), "a killed run left a summary");
        Process again = start(out, "50 ms");
        assertEquals(0, exit(again), Files.readString(dir.resolve("kill.err")));
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"status\": \"completed\""), summary);
        everyFileIsListed(out, summary);
        filesAgreeWithSummary(out, summary);
    }

    /**
     * A disk that fills while the outputs are written (a 1.2 MB tmpfs: the recorded voltages fit,
     * as the plan checks, the spikes do not): exit 1 with one line naming the file and the full
     * disk, and a summary that says the run failed and lists only the files that were written.
     */
    @Test
    void aDiskThatFillsWhileWritingGivesOneLineAndASummaryThatSaysFailed() throws Exception {
        Path disk = Files.createDirectories(dir.resolve("disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1200k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a small tmpfs needs root: "
                + new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        try {
            Path out = disk.resolve("coba");
            Process p = start(out, "1 s");
            assertEquals(1, exit(p));
            List<String> lines = Files.readAllLines(dir.resolve("coba.err")).stream().filter(l -> !l.startsWith("run ")).toList();
            assertEquals(1, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(0).startsWith("brainj run: cannot write ") && lines.get(0).contains("No space left on device"),
                    lines.get(0));
            String summary = Files.readString(out.resolve("summary.json"));
            assertTrue(summary.contains("\"status\": \"failed\""), summary);
            everyFileIsListed(out, summary);
        } finally {
            new ProcessBuilder("umount", disk.toString()).start().waitFor();
        }
    }
}
