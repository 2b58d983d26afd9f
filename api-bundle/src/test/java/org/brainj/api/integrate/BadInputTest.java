package org.brainj.api.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brainj.api.UnknownNameException;
import org.junit.jupiter.api.Test;

/** Bad input gets a specific exception whose message names the fault and the way out. */
class BadInputTest {
    private final Odeint decay = Odeint.of(List.of("y"), (t, x, d) -> d[0] = -x[0]);

    @Test
    void unknownMethodListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> decay.method("rk5"));
        assertTrue(e.known().containsAll(List.of("euler", "rk4", "rkf45", "exponential_euler", "exact")),
                e.getMessage());
        assertTrue(e.getMessage().contains("'rk5'"), e.getMessage());
    }

    @Test
    void unknownDefaultMethodIsRefused() {
        assertThrows(UnknownNameException.class, () -> Odeint.setDefaultMethod("rk5"));
    }

    @Test
    void nonEmbeddedMethodCannotBeAdaptive() {
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> decay.method("rk4").adaptive(1e-3));
        assertTrue(e.getMessage().contains("'rk4'") && e.getMessage().contains("rkf45"), e.getMessage());
    }

    @Test
    void nonAdaptiveIntegratorTakesNoStepSizeControl() {
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> decay.method("rkf45").adaptiveStep(0, new double[] {1}, 0.1));
        assertTrue(e.getMessage().contains("'rkf45'") && e.getMessage().contains("adaptive(tol)"), e.getMessage());
    }

    @Test
    void symbolicMethodsNeedEquationsNotALambda() {
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> decay.method("exponential_euler").step(0, new double[] {1}, 0.1));
        assertTrue(e.getMessage().contains("exponential_euler"), e.getMessage());
    }

    @Test
    void stateOfTheWrongSizeIsRefused() {
        var e = assertThrows(org.brainj.api.BrainJException.class, () -> decay.step(0, new double[] {1, 2}, 0.1));
        assertTrue(e.getMessage().contains("[y]"), e.getMessage());
    }

    @Test
    void setDefaultMethodChangesNewIntegrators() {
        String before = Odeint.defaultMethod();
        try {
            Odeint.setDefaultMethod("rk4");
            assertEquals("rk4", Odeint.of(List.of("y"), (t, x, d) -> d[0] = -x[0]).methodName());
        } finally {
            Odeint.setDefaultMethod(before);
        }
        assertEquals("euler", Odeint.REFERENCE_DEFAULT_METHOD);
    }
}
