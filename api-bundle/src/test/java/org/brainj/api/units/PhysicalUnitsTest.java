package org.brainj.api.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import tech.units.indriya.unit.Units;
import org.junit.jupiter.api.Test;

class PhysicalUnitsTest {

    @Test
    void quantitiesConvertToSI() {
        // SI prefixes by definition: milli = 1e-3, nano = 1e-9, micro = 1e-6, centi = 1e-2, mega = 1e6
        assertEquals(0.02, PhysicalUnits.siValue("20 ms"), 1e-15);
        assertEquals(0.6e-9, PhysicalUnits.siValue("0.6 nS"), 1e-24);
        assertEquals(-0.06, PhysicalUnits.siValue("-60 mV"), 1e-15);
        assertEquals(1e-3, PhysicalUnits.siValue("1e-3 * second"), 1e-18);
        assertEquals(-0.065, PhysicalUnits.siValue("-65*mvolt"), 1e-15);
        assertEquals(1e-2, PhysicalUnits.siValue("1 uF/cm2"), 1e-15);           // 1e-6 F / 1e-4 m^2
        assertEquals(1e-2, PhysicalUnits.siValue("1 ufarad/cmetre**2"), 1e-15);
        assertEquals(2e6, PhysicalUnits.siValue("2 Mohm"), 1e-6);
        assertEquals(5000, PhysicalUnits.siValue("5 kHz"), 1e-9);
        assertEquals(1.0, PhysicalUnits.siValue("1 mM"), 1e-12);                 // 1e-3 mol / 1e-3 m^3
        assertEquals(3e-12, PhysicalUnits.siValue("3 pA"), 1e-27);
        assertEquals(4e-6, PhysicalUnits.siValue("4 um"), 1e-21);
        assertEquals(0.5, PhysicalUnits.siValue("0.5"), 0);
    }

    @Test
    void unitTextCombinesNames() {
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("amp/meter**2"), Units.AMPERE.divide(Units.METRE.pow(2))));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("siemens*volt"), Units.AMPERE));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("1/second"), Units.HERTZ));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("1"), PhysicalUnits.ONE));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("mV/ms"), Units.VOLT.divide(Units.SECOND)));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse("(m/s)^-2"), Units.SECOND.pow(2).divide(Units.METRE.pow(2))));
        assertFalse(PhysicalUnits.sameDimension(PhysicalUnits.parse("volt"), PhysicalUnits.parse("amp")));
    }

    @Test
    void unknownUnitsAreNamedWithTheKnownOnes() {
        UnitFormatException e = assertThrows(UnitFormatException.class, () -> PhysicalUnits.parse("amp/meterz"));
        assertEquals(4, e.index());
        assertTrue(e.getMessage().contains("'meterz'") && e.getMessage().contains("siemens"), e.getMessage());
        assertThrows(UnitFormatException.class, () -> PhysicalUnits.quantity("ms 20"));
        assertThrows(UnitFormatException.class, () -> PhysicalUnits.parse("volt**x"));
    }

    @Test
    void equationTextReadsFullNamesAndBrian2AbbreviationsOnly() {
        // SI prefixes by definition; Brian2's stdunits abbreviations
        assertEquals(1e-3, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("mV").orElseThrow()), 1e-18);
        assertEquals(1e-9, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("nsiemens").orElseThrow()), 1e-24);
        assertEquals(1e6, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("Mohm").orElseThrow()), 1e-9);
        assertEquals(1e-4, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("cm2").orElseThrow()), 1e-19);
        assertEquals(1e-12, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("umetre2").orElseThrow()), 1e-27);
        assertEquals(1e3, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("kHz").orElseThrow()), 1e-12);
        assertEquals(1.0, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("mM").orElseThrow()), 1e-12); // 1e-3 mol / 1e-3 m^3
        assertEquals(1.0, PhysicalUnits.toSI(1, PhysicalUnits.inEquations("kgram").orElseThrow()), 1e-15);
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.inEquations("uF").orElseThrow(), Units.FARAD));
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.inEquations("meter").orElseThrow(), Units.METRE));
        // bare symbols and symbol look-alikes are parameter names there: V, C (coulomb), g (gram), EK (exa-kelvin)
        for (String name : new String[] {"V", "C", "g", "s", "m", "EK", "Em", "tau", "gNa", "x2"}) {
            assertTrue(PhysicalUnits.inEquations(name).isEmpty(), name);
        }
    }
}
