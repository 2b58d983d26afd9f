package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.NeuronText;
import org.junit.jupiter.api.Test;

/**
 * The step-stability check against explicit Euler's amplification factor: a step of
 * {@code dx/dt = -x/tau} multiplies x by {@code 1 - dt/tau}, so the check must fire exactly where
 * {@code dt/tau} passes {@link StepStability#LIMIT} and must leave the stable ones alone.
 */
class StepStabilityTest {
    private static CompiledNeuron leak(String tau) {
        return NeuronText.of("dv/dt = -v / tau : volt\ndu/dt = -u * u / tau2 : 1").parameter("tau", tau).parameter("tau2", "1 ms")
                .compile("leak");
    }

    private static Optional<StepStability.Stiff> stiff(CompiledNeuron m, String method, double dt) {
        return StepStability.stiff(m.equations(), m.parameters(), method, dt);
    }

    @Test
    void aTimeConstantFarBelowDtIsStiffForExplicitMethods() {
        CompiledNeuron m = leak("1e-300 ms");
        StepStability.Stiff s = stiff(m, "euler", 0.1).orElseThrow();
        assertEquals("v", s.variable());
        assertEquals(1e300, s.rate(), 1e285);
        assertEquals(Set.of("tau"), s.parameters());
        // Euler's factor |1 - dt/tau| is 1e299: far past any explicit method's region
        assertTrue(Math.abs(1 - 0.1 / 1e-300) > StepStability.LIMIT);
        assertEquals("dv/dt decays at a rate of 1.00e+300 per ms, which a step of dt = 0.1 ms cannot follow with method euler"
                + " (the state would blow up on the first step); check tau (a time constant far below dt?), or use method:"
                + " exponential_euler", s.message("euler", 0.1));
        assertTrue(stiff(m, "rk4", 0.1).isPresent());
    }

    @Test
    void theBoundIsDtOverTauAgainstTheLimit() {
        // dt/tau of 500 is inside the limit, 2000 beyond it
        assertTrue(stiff(leak("2e-4 ms"), "euler", 0.1).isEmpty());
        assertTrue(stiff(leak("0.5e-4 ms"), "euler", 0.1).isPresent());
    }

    @Test
    void exactAndExponentialEulerSolveTheLinearPartSoAreNotJudged() {
        CompiledNeuron m = leak("1e-300 ms");
        assertTrue(stiff(m, "exponential_euler", 0.1).isEmpty());
        assertTrue(stiff(m, "exact", 0.1).isEmpty());
    }

    @Test
    void ordinaryTimeConstantsAndStateDependentRatesAreLeftToTheRun() {
        assertTrue(stiff(leak("10 ms"), "euler", 0.1).isEmpty());
        // du/dt = -u^2/tau2 has the rate -2u/tau2, which reads the state: never judged here, however small tau2
        CompiledNeuron fast = NeuronText.of("du/dt = -u * u / tau2 : 1").parameter("tau2", "1e-300 ms").compile("q");
        assertTrue(stiff(fast, "euler", 0.1).isEmpty());
    }
}
