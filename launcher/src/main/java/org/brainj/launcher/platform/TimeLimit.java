package org.brainj.launcher.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Calls into third-party code (a plugin's activator, a component's constructor) that may never
 * return: on a daemon thread, waited for up to a limit, so that a blocked plugin costs a command
 * that long and no more, and never keeps the JVM alive.
 */
public final class TimeLimit {
    /** How long a plugin may take to start or to make a service: {@code -Dbrainj.plugin.timeout=SECONDS}. */
    public static final Duration PLUGINS = Duration.ofSeconds(Long.getLong("brainj.plugin.timeout", 10));

    private TimeLimit() {
    }

    /**
     * The value of {@code task}, or empty when it has not returned within {@code limit} (it goes on
     * in the background). What it throws is thrown here.
     */
    public static <T> Optional<T> call(String threadName, Duration limit, Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, threadName);
        worker.setDaemon(true);
        worker.start();
        try {
            return Optional.ofNullable(result.get(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
