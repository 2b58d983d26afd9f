package org.brainj.backend.cpu.codegen;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import org.brainj.api.program.Kernel;

/**
 * Runs a generated step over the population, split into chunks on the common fork-join pool when
 * the population is large enough to pay for it. Each element's update reads and writes only that
 * element, and its random draws are keyed by its index, so results do not depend on the split.
 */
final class SplitKernel implements Kernel {
    /** Below this many elements one thread is faster than handing out work. */
    static final int PARALLEL_THRESHOLD = 1 << 16;
    private static final int CHUNK = 1 << 14;

    private final ElementRange range;
    private final int size;

    SplitKernel(ElementRange range, int size) {
        this.range = range;
        this.size = size;
    }

    /** The generated code this kernel runs. */
    ElementRange range() {
        return range;
    }

    @Override
    public void run(double t, double dt, long step) {
        if (size < PARALLEL_THRESHOLD || ForkJoinPool.getCommonPoolParallelism() < 2) {
            range.run(t, dt, step, 0, size);
        } else {
            ForkJoinPool.commonPool().invoke(new Chunk(t, dt, step, 0, size));
        }
    }

    private final class Chunk extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final double t;
        private final double dt;
        private final long step;
        private final int from;
        private final int to;

        Chunk(double t, double dt, long step, int from, int to) {
            this.t = t;
            this.dt = dt;
            this.step = step;
            this.from = from;
            this.to = to;
        }

        @Override
        protected void compute() {
            if (to - from <= CHUNK) {
                range.run(t, dt, step, from, to);
                return;
            }
            int middle = (from + to) >>> 1;
            invokeAll(new Chunk(t, dt, step, from, middle), new Chunk(t, dt, step, middle, to));
        }
    }
}
