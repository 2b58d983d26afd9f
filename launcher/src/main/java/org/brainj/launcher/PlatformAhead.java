package org.brainj.launcher;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.brainj.launcher.platform.Platform;

/**
 * The platform (Felix, Declarative Services, the shipped bundles) started on a thread of its own as soon as
 * the command line names a command that needs it, so that its start overlaps picocli's parse and the
 * command's own preparation (the spec read) instead of following them. The command takes it where it first
 * needs a service; a command line that fails before then (a bad option, a missing spec) closes it unused.
 * Plugins are installed when the command takes it, after the shipped bundles, as {@link Platform#start}
 * would. Its faults surface where the command takes it, as they would from a start there.
 */
final class PlatformAhead implements AutoCloseable {
    /** The subcommands that start the platform with the shipped bundles before anything else they do. */
    private static final Set<String> COMMANDS = Set.of("run", "list");
    /**
     * Options whose command needs no platform (help, version) or needs it made otherwise: {@code --debug} sets
     * the framework's log level, which is fixed when it is made.
     */
    private static final Set<String> NOT_AHEAD = Set.of("--debug", "-h", "--help", "-V", "--version");

    private final CompletableFuture<Platform> starting;
    private final Thread thread;
    private boolean taken;

    private PlatformAhead(Path bundleDir) {
        starting = new CompletableFuture<>();
        thread = new Thread(() -> {
            try {
                starting.complete(Platform.start(bundleDir));
            } catch (Throwable e) {
                starting.completeExceptionally(e);
            }
        }, "brainj-platform-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** The platform starting for {@code args}, or null where they name no command that needs it. */
    static PlatformAhead forArgs(String... args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return null;
        }
        for (String arg : args) {
            if (NOT_AHEAD.contains(arg)) {
                return null;
            }
        }
        return new PlatformAhead(Platform.defaultBundleDir());
    }

    /** The started platform, with the plugins in {@code pluginDir} (null for none); the caller closes it. */
    Platform take(Path pluginDir) {
        taken = true;
        Platform platform = started();
        platform.followPlugins(pluginDir);
        return platform;
    }

    /** Whether the platform is still to be taken (only once: a second start is a fresh one). */
    boolean available() {
        return !taken;
    }

    private Platform started() {
        try {
            return starting.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Closes the platform where no command took it, and returns once the thread that started it has ended (it
     * completes the future just before it ends: waiting for the future alone left it running, now and then, when
     * the command returned, which a test that looks for it saw at load).
     */
    @Override
    public void close() {
        if (!taken) {
            taken = true;
            starting.thenAccept(Platform::close).exceptionally(e -> null).join();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true; // the start ends on its own; a Ctrl-C shutdown still waits for it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
