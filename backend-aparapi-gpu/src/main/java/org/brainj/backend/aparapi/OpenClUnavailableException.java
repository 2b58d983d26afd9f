package org.brainj.backend.aparapi;

import org.brainj.api.BrainJException;

/**
 * The Aparapi backend could not run a kernel on an OpenCL device: no OpenCL runtime or device,
 * or Aparapi could not translate or build the kernel and would have run it in Java threads
 * instead. The message names the kernel and Aparapi's reason.
 */
public class OpenClUnavailableException extends BrainJException {
    private static final long serialVersionUID = 1L;

    public OpenClUnavailableException(String message) {
        super(message);
    }

    public OpenClUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
