package org.brainj.api.connect;

import org.brainj.api.BrainJException;

/**
 * A structure that would not fit: more synapses than 32-bit indices address, or a dense
 * {@code conn_mat} for populations whose product is too large. The message gives the size and
 * the sparse structure to use instead.
 */
public class ConnectivityTooLargeException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public ConnectivityTooLargeException(String message) {
        super(message);
    }
}
