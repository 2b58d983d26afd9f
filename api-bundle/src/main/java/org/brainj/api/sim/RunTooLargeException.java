package org.brainj.api.sim;

/**
 * A run refused before it starts because it would not fit: more memory than the JVM has, or more
 * steps than can finish. The message gives the estimate, the limit and what to change.
 */
public class RunTooLargeException extends SimulationException {
    private static final long serialVersionUID = 1L;

    public RunTooLargeException(String message) {
        super(message);
    }
}
