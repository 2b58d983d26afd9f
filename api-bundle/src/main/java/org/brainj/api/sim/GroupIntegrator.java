package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Substitute;
import org.brainj.api.integrate.DifferentialSystem;
import org.brainj.api.integrate.OdeMethods;
import org.brainj.api.integrate.SdeMethods;
import org.brainj.api.integrate.SdeType;
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
     * @param derivatives    {@code dx/dt} per state variable, in order; noise terms are
     *                       variables named {@code xi} or {@code xi_...} (Brian2's convention)
     * @param firstStream    the first random stream the program may draw noise on
     * @return a program whose {@code state} are the derivatives' variables and whose body
     *         writes each of them last, from values at the start of the step
     */
    StepProgram integrate(List<Assign> subexpressions, Map<String, Expr> derivatives, int firstStream);

    /** Forward Euler (Euler-Maruyama with noise), the method of Brian2's COBA benchmark and the groups' default. */
    GroupIntegrator EULER = method("euler");

    /**
     * A method by the reference's name: an ODE method of {@link OdeMethods} ({@code euler},
     * {@code rk4}, {@code exponential_euler}, ...), or for equations with noise terms the SDE
     * method of that name in {@link SdeMethods} (Ito); an unknown name lists the known ones.
     */
    static GroupIntegrator method(String name) {
        if (!OdeMethods.names().contains(name) && !SdeMethods.names().contains(name)) {
            OdeMethods.of(name);
        }
        GroupIntegrator integrate = (subexpressions, derivatives, firstStream) -> {
            // the integrators take closed-form right-hand sides: subexpressions are substituted in, in order
            Map<String, Expr> defined = new HashMap<>();
            for (Assign s : subexpressions) {
                defined.put(s.target(), Substitute.of(s.value(), defined));
            }
            Map<String, Expr> rhs = new LinkedHashMap<>();
            derivatives.forEach((x, f) -> rhs.put(x, Substitute.of(f, defined)));
            Set<String> noises = new LinkedHashSet<>();
            rhs.values().forEach(f -> FreeVars.of(f).stream().filter(Equations::isNoise).sorted().forEach(noises::add));
            if (noises.isEmpty()) {
                return StepPrograms.ode(DifferentialSystem.ode(rhs), name);
            }
            return StepPrograms.sde(stochastic(rhs, List.copyOf(noises)), name, SdeType.ITO, firstStream);
        };
        if (!name.equals(org.brainj.api.integrate.Exact.NAME)) {
            return integrate;
        }
        return new GroupIntegrator() {
            @Override
            public StepProgram integrate(List<Assign> subexpressions, Map<String, Expr> derivatives, int firstStream) {
                return integrate.integrate(subexpressions, derivatives, firstStream);
            }

            @Override
            public boolean isExact() {
                return true;
            }
        };
    }

    /**
     * Whether it integrates linear equations exactly: then a group's synaptic channels join its
     * system, whose exact solution is better than any method a channel's model names.
     */
    default boolean isExact() {
        return false;
    }

    /** {@code dx = f dt + sum_k g_k dW_k} from right-hand sides linear in the noise terms. */
    private static DifferentialSystem stochastic(Map<String, Expr> rhs, List<String> noises) {
        Map<String, Expr> zero = new HashMap<>();
        noises.forEach(xi -> zero.put(xi, new Expr.Const(0)));
        List<Expr> drift = new ArrayList<>();
        List<List<Expr>> diffusion = new ArrayList<>();
        rhs.forEach((x, f) -> {
            drift.add(Simplify.of(Substitute.of(f, zero)));
            diffusion.add(noises.stream().map(xi -> Simplify.of(Derivative.of(f, xi))).toList());
        });
        return new DifferentialSystem(new ArrayList<>(rhs.keySet()), drift, noises, diffusion);
    }
}
