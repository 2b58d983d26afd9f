package org.brainj.backend.cpu.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import org.brainj.api.program.Kernel;
import org.brainj.backend.cpu.CpuTensor;

/**
 * Runs a generated step over the population, split into chunks on the common fork-join pool
 * (the calling thread takes part, so two cores split in two) when the step's estimated work is
 * large enough to pay for a round trip through the pool: a cheap kernel (a linear update, about
 * a nanosecond per element) stays on one thread up to hundreds of thousands of elements, an
 * expensive one (Hodgkin-Huxley, Philox draws) splits from a few thousand. Each element's update reads and writes
 * only that element, and its random draws are keyed by its index, so results do not depend on
 * the split. A program's event list is written in the step's row of the events ring: each chunk
 * lists its own elements at their own place in the row, and the chunks' lists are then moved
 * together in chunk order, so the list is ascending whatever the split.
 */
final class SplitKernel implements Kernel {
    /**
     * The estimated work (ns) of one step below which one thread is faster than handing out
     * chunks. Waking a worker and joining it take 5 to 20 microseconds, and the estimate runs
     * high for plain arithmetic (COBA's 4000 LIF, estimated 148 us, take about 10 us): measured
     * alternating on 2 cores, COBA 4000 gained nothing from a split (min 16.8-24.1 against
     * 18.4-26.6 us per step) while CUBA and HH at 10^4 (estimated above 300 us) did.
     */
    static final double SPLIT_WORK_NS = 200_000;
    /** The fewest elements of a chunk. */
    static final int MIN_CHUNK = 1024;

    private final ElementRange range;
    private final int size;
    /** The events ring (rows of {@code size + 1}), or null for a program without events. */
    private final CpuTensor[] events;
    /** The estimated cost of one element's step, in ns. */
    private final double elementNs;

    SplitKernel(ElementRange range, int size, CpuTensor[] events, double elementNs) {
        this.range = range;
        this.size = size;
        this.events = events;
        this.elementNs = elementNs;
    }

    /**
     * The most threads one step runs on: the system property {@value #THREADS_PROPERTY} (1 keeps
     * every step on the calling thread: on a machine shared with other work, or to compare),
     * by default the processors; never more than the common pool's workers and the caller.
     */
    static final String THREADS_PROPERTY = "brainj.cpu.threads";
    private static final int THREADS = Math.max(1, Math.min(ForkJoinPool.getCommonPoolParallelism() + 1,
            Integer.getInteger(THREADS_PROPERTY, Runtime.getRuntime().availableProcessors())));

    static int maxThreads() {
        return THREADS;
    }

    /** Whether the step is split; true for a population of {@code size} at {@code elementNs} each on this machine. */
    static boolean splits(int size, double elementNs) {
        return THREADS >= 2 && size >= 2 * MIN_CHUNK && size * elementNs >= SPLIT_WORK_NS;
    }

    /** The generated code this kernel runs. */
    ElementRange range() {
        return range;
    }

    @Override
    public void run(double t, double dt, long step) {
        CpuTensor rowTensor = events == null ? null : events[(int) Math.floorMod(step, (long) events.length)];
        int[] list = rowTensor == null ? null : (int[]) rowTensor.data();
        int row = rowTensor == null ? 0 : rowTensor.offset();
        if (!splits(size, elementNs)) {
            int listed = range.run(t, dt, step, 0, size, list, row + 1);
            if (list != null) {
                list[row] = listed;
            }
        } else {
            runSplit(t, dt, step);
        }
    }

    /** The step in chunks on the common pool, whatever the population's size (tests call it directly). */
    void runSplit(double t, double dt, long step) {
        CpuTensor rowTensor = events == null ? null : events[(int) Math.floorMod(step, (long) events.length)];
        int[] list = rowTensor == null ? null : (int[]) rowTensor.data();
        int row = rowTensor == null ? 0 : rowTensor.offset();
        // a few chunks per thread evens out a thread that starts late; never smaller than MIN_CHUNK
        int count = Math.max(1, Math.min(4 * THREADS, size / MIN_CHUNK));
        int chunk = (size + count - 1) / count;
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < size; from += chunk) {
            chunks.add(new Chunk(t, dt, step, from, Math.min(size, from + chunk), list, row + 1 + from));
        }
        ForkJoinTask.invokeAll(chunks);
        if (list != null) {
            int end = row + 1;
            for (Chunk c : chunks) {
                System.arraycopy(list, c.at, list, end, c.listed);
                end += c.listed;
            }
            list[row] = end - row - 1;
        }
    }

    private final class Chunk extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final double t;
        private final double dt;
        private final long step;
        private final int from;
        private final int to;
        private final transient int[] list;
        private final int at;
        private int listed;

        Chunk(double t, double dt, long step, int from, int to, int[] list, int at) {
            this.t = t;
            this.dt = dt;
            this.step = step;
            this.from = from;
            this.to = to;
            this.list = list;
            this.at = at;
        }

        @Override
        protected void compute() {
            listed = range.run(t, dt, step, from, to, list, at);
        }
    }
}
