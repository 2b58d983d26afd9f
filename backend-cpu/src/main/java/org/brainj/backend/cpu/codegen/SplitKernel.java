package org.brainj.backend.cpu.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import org.brainj.api.program.Kernel;
import org.brainj.backend.cpu.CpuTensor;

/**
 * Runs a generated step over the population, split into fixed chunks on the common fork-join
 * pool when the population is large enough to pay for it. Each element's update reads and writes
 * only that element, and its random draws are keyed by its index, so results do not depend on
 * the split. A program's event list is written in the step's row of the events ring: each chunk
 * lists its own elements at their own place in the row, and the chunks' lists are then moved
 * together in chunk order, so the list is ascending whatever the split.
 */
final class SplitKernel implements Kernel {
    /** Below this many elements one thread is faster than handing out work. */
    static final int PARALLEL_THRESHOLD = 1 << 16;
    private static final int CHUNK = 1 << 14;

    private final ElementRange range;
    private final int size;
    /** The events ring (rows of {@code size + 1}), or null for a program without events. */
    private final CpuTensor[] events;

    SplitKernel(ElementRange range, int size, CpuTensor[] events) {
        this.range = range;
        this.size = size;
        this.events = events;
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
        if (size < PARALLEL_THRESHOLD || ForkJoinPool.getCommonPoolParallelism() < 2) {
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
        List<Chunk> chunks = new ArrayList<>();
        for (int from = 0; from < size; from += CHUNK) {
            chunks.add(new Chunk(t, dt, step, from, Math.min(size, from + CHUNK), list, row + 1 + from));
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
