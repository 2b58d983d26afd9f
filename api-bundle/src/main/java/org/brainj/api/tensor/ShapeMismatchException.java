package org.brainj.api.tensor;

import org.brainj.api.BrainJException;

/** Two shapes that an operation cannot combine; the message shows both. */
public class ShapeMismatchException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String op, int[] a, int[] b) {
        super(op + ": shapes " + Shapes.format(a) + " and " + Shapes.format(b)
                + " do not match and cannot be broadcast; reshape one of them");
    }

    public ShapeMismatchException(String message) {
        super(message);
    }
}
