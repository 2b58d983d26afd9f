package org.brainj.backend.cpu.codegen;

/** What a generated step class does: advance elements {@code [from, to)} by one step. */
public interface ElementRange {
    void run(double t, double dt, long step, int from, int to);
}
