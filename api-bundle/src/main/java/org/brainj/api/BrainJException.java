package org.brainj.api;

/**
 * Base of every user-facing BrainJ failure. Subclasses say what is at fault and how to fix it,
 * so a message can be shown to a user as it is.
 */
public class BrainJException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BrainJException(String message) {
        super(message);
    }

    public BrainJException(String message, Throwable cause) {
        super(message, cause);
    }
}
