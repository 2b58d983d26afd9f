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

    private final Sdeint noisy = Sdeint.scalar(List.of("y"), (t, x, d) -> d[0] = -x[0], (t, x, g) -> g[0][0] = 1);

    @Test
    void unknownSdeMethodListsTheKnownOnes() {
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> noisy.method("srk3"));
        assertTrue(e.known().containsAll(List.of("euler", "heun", "milstein", "exponential_euler", "srk1w1_scalar",
                "srk2w1_scalar", "KlPl_scalar")), e.getMessage());
    }

    @Test
    void heunRefusesItoSdes() {
        // the reference's SDE table: heun supports Stratonovich only
        UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                () -> noisy.method("heun").step(0, new double[] {1}, 0.1, 0));
        assertTrue(e.getMessage().contains("'heun'") && e.getMessage().contains("asked for Ito")
                && e.getMessage().contains("supports Stratonovich SDEs"), e.getMessage());
    }

    @Test
    void scalarSrkRefusesVectorNoiseAndStratonovich() {
        Sdeint vector = Sdeint.vector(List.of("y"), 2, (t, x, d) -> d[0] = -x[0], (t, x, g) -> g[0][0] = 1);
        for (String m : List.of("srk1w1_scalar", "srk2w1_scalar", "KlPl_scalar")) {
            UnsupportedMethodException e = assertThrows(UnsupportedMethodException.class,
                    () -> vector.method(m).step(0, new double[] {1}, 0.1, 0));
            assertTrue(e.getMessage().contains("'" + m + "'") && e.getMessage().contains("vector Wiener")
                    && e.getMessage().contains("supports Ito SDEs with scalar Wiener noise"), e.getMessage());
            assertThrows(UnsupportedMethodException.class,
                    () -> noisy.method(m).type(SdeType.STRATONOVICH).integrate(new double[] {1}, 0, 1, 0.1));
        }
    }

    @Test
    void exponentialEulerRefusesStratonovich() {
        assertThrows(UnsupportedMethodException.class,
                () -> noisy.method("exponential_euler").type(SdeType.STRATONOVICH).step(0, new double[] {1}, 0.1, 0));
    }

    @Test
    void theSupportTableIsTheReferences() {
        // the reference's SDE table, row by row: Ito, Stratonovich, scalar, vector
        String[][] table = {
            {"srk1w1_scalar", "y", "n", "y", "n"}, {"srk2w1_scalar", "y", "n", "y", "n"},
            {"KlPl_scalar", "y", "n", "y", "n"}, {"euler", "y", "y", "y", "y"}, {"heun", "n", "y", "y", "y"},
            {"milstein", "y", "y", "y", "y"}, {"exponential_euler", "y", "n", "y", "y"}};
        for (String[] row : table) {
            SdeMethod m = SdeMethods.of(row[0]);
            assertEquals(row[1].equals("y"), m.types().contains(SdeType.ITO), row[0]);
            assertEquals(row[2].equals("y"), m.types().contains(SdeType.STRATONOVICH), row[0]);
            assertEquals(row[3].equals("y"), m.wieners().contains(WienerType.SCALAR), row[0]);
            assertEquals(row[4].equals("y"), m.wieners().contains(WienerType.VECTOR), row[0]);
        }
        assertEquals(table.length, SdeMethods.names().size());
    }

    @Test
    void inconsistentTableauIsRefusedByName() {
        var e = assertThrows(org.brainj.api.BrainJException.class, () -> ButcherTableau.explicit("mine", 2,
                new double[] {0, 0.5}, new double[][] {{}, {0.6}}, new double[] {0, 1}));
        assertTrue(e.getMessage().contains("'mine'") && e.getMessage().contains("c[1]"), e.getMessage());
    }

    @Test
    void nonPositiveToleranceIsRefused() {
        var e = assertThrows(org.brainj.api.BrainJException.class, () -> decay.method("rkf45").adaptive(0));
        assertTrue(e.getMessage().contains("tol"), e.getMessage());
    }

    @Test
    void odeintRefusesEquationsWithNoise() {
        var e = assertThrows(org.brainj.api.BrainJException.class, () -> Odeint.of(
                org.brainj.api.expr.Equations.parse("dx/dt = -x + s*xi : 1"), java.util.Map.of("s", 1.0)));
        assertTrue(e.getMessage().contains("[xi]") && e.getMessage().contains("Sdeint"), e.getMessage());
    }

    @Test
    void missingParameterValueIsNamed() {
        var e = assertThrows(org.brainj.api.BrainJException.class, () -> Odeint.of(
                org.brainj.api.expr.Equations.parse("dx/dt = -x/tau : 1"), java.util.Map.of()));
        assertTrue(e.getMessage().contains("'tau'"), e.getMessage());
    }
}
