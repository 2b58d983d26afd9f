package org.brainj.backend.cpu.codegen;

import org.brainj.api.program.Kernel;
import org.brainj.backend.cpu.CpuTensor;
import org.brainj.backend.cpu.SplitSite;
import org.brainj.backend.cpu.StepThreads;

/**
 * Runs a generated step over the population, split into one contiguous chunk per thread of the
 * backend's {@link StepThreads} where its {@link SplitSite} finds the split faster (or, with a
 * fixed threshold, where the estimated work reaches it). Each element's update reads and writes
 * only that element, and its random draws are keyed by its index, so results do not depend on
 * the split. A program's event list is written in the step's row of the events ring: each chunk
 * lists its own elements at their own place in the row, and the chunks' lists are then moved
 * together in chunk order, so the list is ascending whatever the split.
 */
final class SplitKernel implements Kernel {
    /** The fewest elements of a chunk. */
    static final int MIN_CHUNK = 1024;

    private final ElementRange range;
    private final int size;
    /** The events ring (rows of {@code size + 1}), or null for a program without events. */
    private final CpuTensor[] events;
    /** The estimated cost of one element's step, in ns. */
    private final double elementNs;
    private final StepThreads threads;
    private final SplitSite site;
    /** How many elements each chunk listed in the step being run. */
    private final int[] listed;

    SplitKernel(ElementRange range, int size, CpuTensor[] events, double elementNs, StepThreads threads) {
        this.range = range;
        this.size = size;
        this.events = events;
        this.elementNs = elementNs;
        this.threads = threads;
        this.site = threads.site();
        this.listed = new int[threads.threads()];
    }

    /** Whether the step may be split (measured: is tried split). */
    boolean splits() {
        return chunked() && threads.pays(size * elementNs);
    }

    /** Whether the population makes two chunks at least. */
    private boolean chunked() {
        return size >= 2 * MIN_CHUNK;
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
        boolean split = chunked() && site.splits(size * elementNs);
        if (split) {
            runSplit(t, dt, step, list, row);
        } else {
            int count = range.run(t, dt, step, 0, size, list, row + 1);
            if (list != null) {
                list[row] = count;
            }
        }
        site.done();
    }

    private void runSplit(double t, double dt, long step, int[] list, int row) {
        int parts = listed.length;
        threads.run(p -> {
            int from = chunkStart(p, parts);
            listed[p] = range.run(t, dt, step, from, chunkStart(p + 1, parts), list, row + 1 + from);
        });
        if (list != null) {
            int end = row + 1;
            for (int p = 0; p < parts; p++) {
                System.arraycopy(list, row + 1 + chunkStart(p, parts), list, end, listed[p]);
                end += listed[p];
            }
            list[row] = end - row - 1;
        }
    }

    private int chunkStart(int part, int parts) {
        return (int) ((long) size * part / parts);
    }
}
