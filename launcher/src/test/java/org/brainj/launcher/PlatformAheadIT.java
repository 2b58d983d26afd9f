package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform started while the command line is parsed ({@link PlatformAhead}): a command line that fails before
 * its command takes it still fails as it did without it, and leaves no framework running nor its cache behind.
 */
class PlatformAheadIT {
    @TempDir
    Path dir;

    @Test
    void aCommandThatFailsBeforeTakingThePlatformClosesIt() throws IOException {
        Path missing = dir.resolve("missing.yaml");
        for (List<String> args : List.of(List.of("run", missing.toString()), List.of("run", "--duration", "x", missing.toString()),
                List.of("list", "--no-such-option"))) {
            StringWriter err = new StringWriter();
            int code = BrainJCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new));
            assertTrue(code != 0, args + " failed with exit code " + code);
            // a failure this fast comes before the start is done: unclosed, its thread would still run, its cache stay
            assertEquals(List.of(), startThreads(), args + " left the platform starting");
            assertEquals(List.of(), caches(), args + " left a framework cache of this process: " + err);
        }
    }

    @Test
    void aCommandTakesThePlatformStartedAheadWithItsPlugins() throws IOException {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Files.writeString(plugins.resolve("broken.jar"), "not a jar");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), "list", "--plugins", plugins.toString()));
        // the plugin is installed where the command takes the platform, after the shipped bundles, as a start there would
        assertTrue(err.toString().startsWith("brainj list: warning: plugin broken.jar was skipped"), err.toString());
        assertTrue(out.toString().contains("FixedProb"), out.toString());
        assertEquals(List.of(), caches());
    }

    private static List<Thread> startThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("brainj-platform-start")).toList();
    }

    /** The framework caches of this process in the temporary folder (a platform not closed keeps its own). */
    private static List<Path> caches() throws IOException {
        String prefix = "brainj-felix-" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        }
    }
}
