package org.brainj.api.integrate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.brainj.api.expr.Derivative;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Statement;

/**
 * Finds, before a run, an equation whose linear decay is absurdly fast for the step: with
 * {@code tau = 1e-300 ms} an explicit method turns the state to Inf on the first step, and a
 * threshold and reset hide it (every neuron "spikes" every step and the run says completed).
 * Only the part of {@code dx/dt} that is linear in {@code x} with parameter coefficients is
 * judged ({@code -1/tau}), and only beyond {@link #LIMIT}, far outside the stability region of
 * every explicit method ({@code dt |λ|} of at most about 4); milder instabilities are the run's
 * finite-state check's to report. Exponential Euler and exact integration solve the linear part
 * exactly, so they are not judged.
 */
public final class StepStability {
    /** The largest {@code dt |d(dx/dt)/dx|} allowed. */
    public static final double LIMIT = 1e3;

    private StepStability() {
    }

    /**
     * An equation a step cannot follow.
     *
     * @param variable   the state variable
     * @param rate       {@code |d(dx/dt)/dx|}, per ms
     * @param parameters the parameters the rate is made of, in the order the expression reads them
     */
    public record Stiff(String variable, double rate, Set<String> parameters) {
        /** One line naming the variable, the rate, the step, the parameters to check and the fix. */
        public String message(String method, double dt) {
            return "d" + variable + "/dt decays at a rate of " + String.format("%.3g", rate) + " per ms, which a step of dt = "
                    + dt + " ms cannot follow with method " + method + " (the state would blow up on the first step); check "
                    + String.join(", ", parameters) + " (a time constant far below dt?), or use method: exponential_euler";
        }
    }

    /**
     * The first differential equation of {@code equations} whose rate, made of {@code parameters}
     * alone, is beyond {@link #LIMIT} for {@code method} at step {@code dt} (ms); empty when none is.
     */
    public static Optional<Stiff> stiff(Equations equations, Map<String, Double> parameters, String method, double dt) {
        if (method.equals("exponential_euler") || method.equals("exact")) {
            return Optional.empty();
        }
        for (Statement s : equations.statements()) {
            if (s.kind() != Statement.Kind.DIFFERENTIAL) {
                continue;
            }
            Expr rate = Derivative.of(s.rhs(), s.variable());
            Set<String> reads = FreeVars.of(rate);
            if (!parameters.keySet().containsAll(reads)) {
                continue; // depends on the state or on inputs: not a fixed rate
            }
            double perMs = Math.abs(Interpreter.eval(rate, parameters));
            if (dt * perMs > LIMIT) {
                return Optional.of(new Stiff(s.variable(), perMs, reads));
            }
        }
        return Optional.empty();
    }
}
