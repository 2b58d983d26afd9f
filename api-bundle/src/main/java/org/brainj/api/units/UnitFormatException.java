package org.brainj.api.units;

import org.brainj.api.BrainJException;

/** Text that is not a unit or quantity; {@link #index()} is where in the text the fault is. */
public class UnitFormatException extends BrainJException {
    private static final long serialVersionUID = 1L;
    private final int index;

    public UnitFormatException(int index, String message) {
        super(message);
        this.index = index;
    }

    /** The offset of the fault in the text, from 0. */
    public int index() {
        return index;
    }
}
