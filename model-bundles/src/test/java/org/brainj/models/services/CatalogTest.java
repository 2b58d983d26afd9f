package org.brainj.models.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.brainj.api.UnknownNameException;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.junit.jupiter.api.Test;

/** The model services on a plain classpath: names, parameter listings, creation with values. */
class CatalogTest {

    static NeuronModelFactory model(String name) {
        for (NeuronModelFactory f : ServiceLoader.load(NeuronModelFactory.class)) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void everyModelIsAServiceUnderItsReferenceName() {
        TreeSet<String> names = new TreeSet<>();
        ServiceLoader.load(NeuronModelFactory.class).forEach(f -> names.add(f.name()));
        assertEquals(new TreeSet<>(List.of("AdEx", "ExpIF", "HH", "Izhikevich", "LIF", "PoissonGroup", "SpikeTimeGroup", "iaf_psc_delta")),
                names);
    }

    /** The reference's LIF: V_rest 0, V_reset -5, V_th 20 mV, R 1, tau 10 ms, refractory 1 ms. */
    @Test
    void lifListsTheReferenceDefaultsWithUnits() {
        List<ParamSpec> specs = model("LIF").parameters();
        Map<String, ParamSpec> byName = new java.util.HashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        assertEquals("-5.0", byName.get("V_reset").defaultValue());
        assertEquals("mV", byName.get("V_th").unit());
        assertEquals("10.0", byName.get("tau").defaultValue());
        assertEquals("ms", byName.get("tau_ref").unit());
    }

    @Test
    void givenValuesReplaceDefaultsAndUnknownOnesAreRefused() {
        NeuronModel m = model("LIF").create(Map.of("tau", 20, "V_th", -50.0));
        assertEquals(20.0, m.parameters().get("tau"));
        assertEquals(-50.0, m.parameters().get("V_th"));
        assertEquals(0.0, m.parameters().get("V_rest"));
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> model("HH").create(Map.of("gna", 1)));
        assertTrue(e.known().contains("gNa"), e.getMessage());
    }
}
