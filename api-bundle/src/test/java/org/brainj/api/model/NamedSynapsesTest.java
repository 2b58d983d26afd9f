package org.brainj.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.sim.Synapse;
import org.brainj.api.sim.SynapticOutput;
import org.brainj.api.units.PhysicalUnits;
import org.junit.jupiter.api.Test;

class NamedSynapsesTest {
    @Test
    void parametersAreConvertedToTheUnitsTheRuntimeTakes() {
        Synapse s = NamedSynapses.synapse("Exponential", Map.of("tau", PhysicalUnits.quantity("0.005 s")));
        assertEquals(Synapse.of("Exponential", Map.of("tau", 5.0)), s);
        SynapticOutput o = NamedSynapses.output("COBA", Map.of("E", PhysicalUnits.quantity("-0.08 V")));
        assertEquals(SynapticOutput.of("COBA", Map.of("E", -80.0)), o);
        ModelTextException e = assertThrows(ModelTextException.class,
                () -> NamedSynapses.synapse("Exponential", Map.of("tau", PhysicalUnits.quantity("5 mV"))));
        assertEquals("tau", e.key());
        assertTrue(e.problem().contains("1 ms"), e.problem());
        e = assertThrows(ModelTextException.class,
                () -> NamedSynapses.output("COBA", Map.of("Erev", PhysicalUnits.quantity("5 mV"))));
        assertTrue(e.problem().contains("E, cc_Mg, alpha, beta"), e.problem());
    }
}
