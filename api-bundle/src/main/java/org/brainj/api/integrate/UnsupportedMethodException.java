package org.brainj.api.integrate;

import org.brainj.api.BrainJException;

/**
 * An integration method asked for something it does not do: adaptive stepping from a
 * fixed-step method, an SDE type or Wiener type outside its support, a symbolic method on a Java
 * lambda. The message names the method, what was asked and what it supports.
 */
public class UnsupportedMethodException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public UnsupportedMethodException(String message) {
        super(message);
    }
}
