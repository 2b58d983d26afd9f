package org.brainj.api.program;

import org.brainj.api.BrainJException;

/**
 * A step program and its bindings that do not fit together: a variable without a tensor, a tensor
 * of the wrong shape, dtype or backend, or a body that reads a name it never defines. The message
 * names the variable at fault.
 */
public class BindingException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public BindingException(String message) {
        super(message);
    }
}
