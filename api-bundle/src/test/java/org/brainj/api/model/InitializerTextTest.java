package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brainj.api.BrainJException;
import org.brainj.api.sim.Initializer;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/** Initial values as text: BrainPy's Normal/Uniform and constants, in the coherent units (mV, ms, nA). */
class InitializerTextTest {
    private static final javax.measure.Unit<?> VOLT = PhysicalUnits.parse("volt");

    @Test
    void distributionsAndConstantsInAnyUnitOfTheDimension() {
        Initializer.Normal n = (Initializer.Normal) InitializerText.parse("normal(-55 mV, 5 mV)", VOLT, "the initial value of V");
        assertEquals(-55, n.mean(), 1e-12);
        assertEquals(5, n.std(), 1e-12);
        Initializer.Uniform u = (Initializer.Uniform) InitializerText.parse("uniform(-0.07 V, 20 mV)", VOLT, "the initial value of V");
        assertEquals(-70, u.low(), 1e-12);
        assertEquals(20, u.high(), 1e-12);
        assertEquals(-65, ((Initializer.Constant) InitializerText.parse("-65 mV", VOLT, "the initial value of V")).value(), 1e-12);
        assertEquals(Initializer.constant(0.5), InitializerText.parse("0.5", null, "the initial value of w"));
    }

    @Test
    void aFaultIsOneLineNamingItAndTheFix() {
        assertEquals("normal takes two values, e.g. normal(-55 mV, 5 mV)",
                assertThrows(BrainJException.class, () -> InitializerText.parse("normal(-55 mV)", VOLT, "x")).getMessage());
        String wrongUnit = assertThrows(BrainJException.class,
                () -> InitializerText.parse("uniform(1 nA, 2 nA)", VOLT, "the initial value of V")).getMessage();
        assertEquals(PhysicalUnits.mismatch("1 nA", PhysicalUnits.parse("nA"), VOLT, "the initial value of V"), wrongUnit);
        String notAQuantity = assertThrows(BrainJException.class, () -> InitializerText.parse("fast", VOLT, "x")).getMessage();
        assertEquals("'fast' is not a quantity: ", notAQuantity.substring(0, "'fast' is not a quantity: ".length()));
        String negative = assertThrows(BrainJException.class, () -> InitializerText.parse("normal(0 mV, -1 mV)", VOLT, "x"))
                .getMessage();
        assertEquals("normal initializer: std -1", negative.substring(0, "normal initializer: std -1".length()), negative);
    }
}
