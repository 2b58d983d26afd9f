package org.brainj.launcher.run;

/**
 * A move the command line asks for: at simulated time {@code ms}, the run continues on the
 * backend named {@code backend}. {@code given} is the option as written, for messages.
 */
public record BackendSwitch(double ms, String backend, String given) {
}
