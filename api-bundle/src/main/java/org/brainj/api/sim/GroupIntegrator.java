package org.brainj.api.sim;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.StepProgram;

/**
 * Turns a group's differential equations into the body of one step. The runtime adds
 * threshold, reset and refractoriness to that body and compiles the whole step as one kernel.
 */
@FunctionalInterface
public interface GroupIntegrator {
    /**
     * @param subexpressions named expressions the derivatives may read, in order
     * @param derivatives    {@code dx/dt} per state variable, in order
     * @return a program whose {@code state} are the derivatives' variables and whose body
     *         writes each of them last, from values at the start of the step
     */
    StepProgram integrate(List<org.brainj.api.program.Assign> subexpressions, Map<String, Expr> derivatives);
}
