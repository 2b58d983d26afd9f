package org.brainj.api.tensor;

import org.brainj.api.BrainJException;

/** A tensor handed to a backend that does not own it; the message names both backends. */
public class ForeignTensorException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public ForeignTensorException(String op, String role, Tensor tensor, Backend backend) {
        super(op + ": " + role + " belongs to backend '" + tensor.backend().name() + "', not '" + backend.name()
                + "'; bring it over with " + backend.name() + ".transfer(" + role + ")");
    }
}
