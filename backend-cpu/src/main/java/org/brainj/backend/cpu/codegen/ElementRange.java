package org.brainj.backend.cpu.codegen;

/** What a generated step class does: advance elements {@code [from, to)} by one step. */
public interface ElementRange {
    /**
     * Advances elements {@code [from, to)}; a program that lists its events writes the indices of
     * the listed elements among them, ascending, to {@code events[at], events[at + 1], ...}.
     *
     * @return how many elements it listed (0 for a program without events)
     */
    int run(double t, double dt, long step, int from, int to, int[] events, int at);
}
