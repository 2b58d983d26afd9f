package org.brainj.launcher.spec;

import java.util.Map;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Statement;
import org.brainj.api.model.CompiledNeuron;

/**
 * Refuses, before the run, a population whose linear decay is absurdly fast for its step: with
 * {@code tau: 1e-300 ms} an explicit method turns the state to Inf on the first step, and a
 * threshold and reset hide it (every neuron "spikes" every step and the run says completed).
 * Only the part of {@code d x/dt} that is linear in {@code x} with parameter coefficients is
 * judged ({@code -1/tau}), and only beyond {@link #LIMIT}, far outside the stability region of
 * every explicit method ({@code dt |λ|} of at most about 4); milder instabilities are the run's
 * finite-state check's to report. Exponential Euler and exact integration solve the linear part
 * exactly, so they are not judged.
 */
final class StepStability {
    static final double LIMIT = 1e3;

    private StepStability() {
    }

    /** @param parameters the parameters as written, whose places a fault names; else {@code equationsAt} */
    static void check(CompiledNeuron model, String method, double dt, Map<String, SpecValue> parameters, Where equationsAt) {
        if (method.equals("exponential_euler") || method.equals("exact")) {
            return;
        }
        Map<String, Double> values = model.parameters();
        for (Statement s : model.equations().statements()) {
            if (s.kind() != Statement.Kind.DIFFERENTIAL) {
                continue;
            }
            Expr rate = Derivative.of(s.rhs(), s.variable());
            if (!values.keySet().containsAll(FreeVars.of(rate))) {
                continue; // depends on the state or on inputs: not a fixed rate
            }
            double stiffness = dt * Math.abs(Interpreter.eval(rate, values));
            if (stiffness > LIMIT) {
                Where at = FreeVars.of(rate).stream().filter(parameters::containsKey).map(p -> parameters.get(p).where())
                        .findFirst().orElse(equationsAt);
                throw new SpecException(at, "d" + s.variable() + "/dt decays at a rate of " + String.format("%.3g", stiffness / dt)
                        + " per ms, which a step of dt = " + dt + " ms cannot follow with method " + method
                        + " (the state would blow up on the first step); check " + String.join(", ", FreeVars.of(rate))
                        + " (a time constant far below dt?), or use method: exponential_euler");
            }
        }
    }
}
