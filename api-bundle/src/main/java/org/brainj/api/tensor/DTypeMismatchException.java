package org.brainj.api.tensor;

import org.brainj.api.BrainJException;

/** An operand whose element type an operation does not accept; the message names both types. */
public class DTypeMismatchException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public DTypeMismatchException(String op, DType expected, DType actual) {
        super(op + ": expected dtype " + expected + " but got " + actual + "; convert with astype(" + expected + ")");
    }

    public DTypeMismatchException(String message) {
        super(message);
    }
}
