package org.brainj.api.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Substitute;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.integrate.OdeMethods;
import org.brainj.api.integrate.StepPrograms;
import org.brainj.api.program.Assign;
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
    StepProgram integrate(List<Assign> subexpressions, Map<String, Expr> derivatives);

    /** Forward Euler, the method of Brian2's COBA benchmark and the groups' default. */
    GroupIntegrator EULER = method("euler");

    /**
     * An ODE method of {@link OdeMethods} by the reference's name ({@code euler}, {@code rk4},
     * {@code exponential_euler}, ...); an unknown name lists the known ones.
     */
    static GroupIntegrator method(String name) {
        OdeMethods.of(name);
        return (subexpressions, derivatives) -> {
            // the integrators take closed-form drifts: subexpressions are substituted in, in order
            Map<String, Expr> defined = new HashMap<>();
            for (Assign s : subexpressions) {
                defined.put(s.target(), Substitute.of(s.value(), defined));
            }
            Map<String, Expr> drift = new LinkedHashMap<>();
            derivatives.forEach((x, f) -> drift.put(x, Substitute.of(f, defined)));
            return StepPrograms.ode(DifferentialSystem.ode(drift), name);
        };
    }
}
