package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.sim.Synapse;
import org.brainj.api.sim.SynapticOutput;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

/** The units the API gives what drives a model: a projection's weight and a Poisson input's rate and jump. */
class SynapticUnitsTest {
    private static final CompiledNeuron LIF = NeuronText.of("""
            dV/dt = (E_L - V + R*I_syn) / tau : volt
            I_syn : amp
            """).parameter("E_L", "-60 mV").parameter("R", "100 Mohm").parameter("tau", "10 ms").current("I_syn")
            .compile("lif");

    private static void assertDimension(String expected, Unit<?> actual) {
        assertTrue(PhysicalUnits.sameDimension(PhysicalUnits.parse(expected), actual), expected + " vs " + actual);
    }

    @Test
    void aWeightIsInTheUnitOfWhatTheSynapseDrives() {
        Synapse exponential = Synapse.of("Exponential", Map.of("tau", 5.0));
        // a delta synapse jumps the membrane
        assertDimension("mV", LIF.weightUnit(Synapse.delta(), SynapticOutput.cuba()));
        // CUBA: the synaptic variable is the current itself
        assertDimension("nA", LIF.weightUnit(exponential, SynapticOutput.cuba()));
        // COBA: I = g (E - V), so g is a current per volt, a conductance (siemens)
        assertDimension("nS", LIF.weightUnit(exponential, SynapticOutput.of("COBA", Map.of("E", 0.0))));
        // a model with no current symbol gives a synapse with dynamics nothing to drive
        CompiledNeuron plain = NeuronText.of("dV/dt = -V / tau : volt").parameter("tau", "10 ms").compile("plain");
        assertNull(plain.weightUnit(exponential, SynapticOutput.cuba()));
    }

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
