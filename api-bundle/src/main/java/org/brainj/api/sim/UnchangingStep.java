package org.brainj.api.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Simplify;
import org.brainj.api.expr.Substitute;
import org.brainj.api.program.Assign;
import org.brainj.api.program.StepProgram;

/**
 * Whether a group's step leaves every variable it writes as it was: no threshold, no noise, and
 * each written tensor's value, with the step's earlier assignments substituted and simplified,
 * is the tensor's own value. Brian2's speed suite has such a group (its SynapsesOnly target,
 * {@code dw/dt = 0}, only receives spikes); launching a kernel over it every step is a fixed cost
 * that changes nothing. The simplification drops {@code dt * 0} and {@code x + 0}, which is exact
 * for finite state (only a -0.0 stays -0.0 where the kernel would have made it +0.0).
 */
final class UnchangingStep {
    private UnchangingStep() {
    }

    /** {@code tensors}: the names the step may write (the group's tensors); any other target is a local. */
    static boolean of(StepProgram program, Set<String> tensors) {
        if (program.events() != null || !program.noise().isEmpty()) {
            return false;
        }
        // each target's value in terms of the values the step starts from
        Map<String, Expr> value = new HashMap<>();
        for (Assign a : program.body()) {
            value.put(a.target(), Simplify.of(Substitute.of(a.value(), value)));
        }
        for (Map.Entry<String, Expr> e : value.entrySet()) {
            boolean written = tensors.contains(e.getKey()) || program.state().contains(e.getKey());
            if (written && !e.getValue().equals(new Expr.Var(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
