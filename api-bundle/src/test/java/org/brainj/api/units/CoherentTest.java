package org.brainj.api.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values in the ms-mV-nA-cm system, worked out by hand from the SI definitions. */
class CoherentTest {
    @ParameterizedTest
    @CsvSource({
        "20 ms, 20",          // time in ms
        "1 s, 1000",
        "-60 mV, -60",        // voltage in mV
        "0.02 V, 20",
        "2 nA, 2",            // current in nA
        "10 nS, 0.01",        // conductance: nA/mV = uS
        "200 pF, 0.2",        // capacitance: nA ms/mV = nF
        "100 Mohm, 100",      // resistance: mV/nA = MOhm
        "10 Hz, 0.01",        // frequency: 1/ms
        "1 uF/cm2, 1000",     // 1e-6 F per 1e-4 m^2 = 1e-2 F/m^2; the unit nF/cm^2 is 1e-5 F/m^2
        "0.6, 0.6",           // dimensionless stays
        "1 mV/ms, 1",
    })
    void quantitiesBecomeNumbersOfTheSystem(String text, double expected) {
        assertEquals(expected, Coherent.value(PhysicalUnits.quantity(text)), 1e-12 * Math.abs(expected));
    }

    @ParameterizedTest
    @CsvSource({"nS, uS", "pF, nF", "volt, mV", "second, ms", "Hz, 1/ms", "Gohm, Mohm", "1, 1"})
    void labelsNameTheSystemsUnitOfADimension(String unit, String label) {
        assertEquals(label, Coherent.label(PhysicalUnits.parse(unit)));
    }
}
