package org.brainj.api.tensor;

import org.brainj.api.BrainJException;

/** An index, slice or axis outside a tensor's bounds. */
public class TensorIndexException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public TensorIndexException(String message) {
        super(message);
    }
}
