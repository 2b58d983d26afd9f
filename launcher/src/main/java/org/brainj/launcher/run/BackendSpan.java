package org.brainj.launcher.run;

/**
 * A stretch of a run on one backend: simulated time {@code fromMs} to {@code toMs}, the wall
 * time it took ({@code wallSeconds}, with {@code moveSeconds} of it spent moving the network
 * onto the backend: state through the host, kernels compiled), and why the run came to it.
 */
public record BackendSpan(String backend, String reason, double fromMs, double toMs, double wallSeconds,
                          double moveSeconds) {
    /** The run started here. */
    public static final String START = "start";
}
