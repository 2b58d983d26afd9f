package org.brainj.models.files;

import org.brainj.api.BrainJException;

/** A fault in a model file, as {@code file:line: problem}. */
public final class ModelFileException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String origin, int line, String problem, Throwable cause) {
        super(origin + ":" + line + ": " + problem, cause);
    }
}
