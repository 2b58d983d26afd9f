package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.measure.Unit;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/** The units the API gives what drives a model: a Poisson input's rate and jump. */
class SynapticUnitsTest {
    private static final CompiledNeuron LIF = NeuronText.of("""
            dV/dt = (E_L - V + R*I_syn) / tau : volt
            I_syn : amp
            """).parameter("E_L", "-60 mV").parameter("R", "100 Mohm").parameter("tau", "10 ms").current("I_syn")
            .compile("lif");

    @Test
    void aPoissonInputTakesItsRateInEventsPerTimeAndItsJumpInTheMembranesUnit() {
        Unit<?> mV = PhysicalUnits.parse("mV");
        PoissonInput in = PoissonInput.of(PhysicalUnits.quantity("2 kHz"), PhysicalUnits.quantity("0.1 V"), LIF.model(), mV);
        // 2 kHz = 2 events per ms; 0.1 V = 100 mV, in the ms/mV system the runtime computes in
        assertEquals(2.0, in.rate(), 1e-12);
        assertEquals(100.0, in.weight(), 1e-12);
        ModelTextException e = assertThrows(ModelTextException.class,
                () -> PoissonInput.of(PhysicalUnits.quantity("5 mV"), PhysicalUnits.quantity("1 mV"), LIF.model(), mV));
        assertEquals("rate", e.key());
        assertTrue(e.problem().startsWith("'5 mV' is not a rate"), e.problem());
        e = assertThrows(ModelTextException.class,
                () -> PoissonInput.of(PhysicalUnits.quantity("5 Hz"), PhysicalUnits.quantity("1 nA"), LIF.model(), mV));
        assertEquals("weight", e.key());
        assertTrue(e.problem().contains("a jump of V"), e.problem());
        e = assertThrows(ModelTextException.class,
                () -> PoissonInput.of(PhysicalUnits.quantity("-5 Hz"), PhysicalUnits.quantity("1 mV"), LIF.model(), mV));
        assertEquals("rate", e.key());
    }
}
