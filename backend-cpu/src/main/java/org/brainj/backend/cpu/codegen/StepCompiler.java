package org.brainj.backend.cpu.codegen;

import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.backend.cpu.CpuBackend;

/** Compiles step programs for the CPU backend (written by the expression code generator's work). */
public final class StepCompiler {
    private final CpuBackend backend;

    public StepCompiler(CpuBackend backend) {
        this.backend = backend;
    }

    public Kernel compile(StepProgram program, Bindings bindings) {
        throw new UnsupportedOperationException("the CPU step compiler of backend " + backend.name()
                + " is not written yet");
    }
}
