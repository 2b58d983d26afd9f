package org.brainj.analysis;

import org.brainj.api.BrainJException;

/** Bad input to an analysis: the message names the thing at fault and how to fix it. */
public class AnalysisException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public AnalysisException(String message) {
        super(message);
    }
}
