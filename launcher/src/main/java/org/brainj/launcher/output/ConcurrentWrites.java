package org.brainj.launcher.output;

import java.awt.AWTError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.brainj.api.BrainJException;

/**
 * Independent output files written at once, on as many threads as the machine has cores: when the
 * outputs are written the run's loop is over and the cores are free, and a run's pictures, its HDF5
 * file and its data files, written one after the other, were most of the time from the loop's end
 * to the process's exit. Each task's result comes back in the order the tasks were given, whatever
 * order they finish in, so that the files are listed as if written one after the other; a task
 * that fails does not stop the others.
 */
final class ConcurrentWrites {
    private ConcurrentWrites() {
    }

    /** Writes its files, adding each name to {@code written} once that file is in place. */
    @FunctionalInterface
    interface Writer {
        void write(List<String> written);
    }

    /** A writer and what it writes, for the message when it fails (e.g. "the plot raster"). */
    record Task(String what, Writer writer) {
    }

    /** What a task writes, the files it wrote, in its order, and the failure that stopped it (null: none). */
    record Result(String what, List<String> written, BrainJException failure) {
    }

    static List<Result> run(List<Task> tasks) {
        int threads = Math.min(tasks.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return tasks.stream().map(ConcurrentWrites::attempt).toList();
        }
        AtomicInteger started = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "brainj-outputs-" + started.incrementAndGet());
            t.setDaemon(true); // nothing of the outputs may keep the JVM alive once the run has reported
            return t;
        });
        try {
            List<Future<Result>> futures = tasks.stream().map(t -> pool.submit(() -> attempt(t))).toList();
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static Result attempt(Task task) {
        List<String> written = new ArrayList<>();
        try {
            task.writer().write(written);
            return new Result(task.what(), written, null);
        } catch (BrainJException e) {
            return new Result(task.what(), written, e);
        } catch (RuntimeException | AWTError | LinkageError e) { // a library's own complaint, e.g. the plotting library's
            return new Result(task.what(), written, new BrainJException("cannot write " + task.what() + " (" + e + ")", e));
        }
    }

    /**
     * The task's result, waited for through interrupts (a Ctrl-C shutdown waits for the outputs):
     * a folder's files are all tried before its summary is written.
     */
    private static Result await(Future<Result> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    // attempt catches all but the JVM's own errors (out of memory): those end the process as before
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
