package org.brainj.api.sim;

import org.brainj.api.BrainJException;

/** A network that cannot be built or run as given; the message names the part at fault and the fix. */
public class SimulationException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public SimulationException(String message) {
        super(message);
    }
}
