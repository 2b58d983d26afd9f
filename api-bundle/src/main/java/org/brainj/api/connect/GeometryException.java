package org.brainj.api.connect;

import org.brainj.api.BrainJException;

/**
 * Population geometries a connector cannot use: a negative size, a rank it does not support, or
 * pre and post sizes that must match and do not. The message names both and the fix.
 */
public class GeometryException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public GeometryException(String message) {
        super(message);
    }
}
