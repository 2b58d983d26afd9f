package org.brainj.api.connect;

import org.brainj.api.BrainJException;

/**
 * Connectivity arrays that do not describe a valid connection (an index out of range, a row
 * pointer that decreases, arrays of different lengths); the message names the array, the
 * position and the fix.
 */
public class InvalidConnectivityException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public InvalidConnectivityException(String message) {
        super(message);
    }
}
