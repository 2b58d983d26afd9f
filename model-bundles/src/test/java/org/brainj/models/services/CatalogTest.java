package org.brainj.models.services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.brainj.api.UnknownNameException;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.junit.jupiter.api.Test;

/** The catalog on a plain classpath: names, parameter listings, creation with values in their units. */
class CatalogTest {
    /** BrainPy's neuron names and the NEST names of issue 13, the Java generators, and the older names kept as aliases. */
    static final List<String> NAMES = List.of("ALIF", "AdEx", "AdExIF", "AdQuaIF", "ExpIF", "ExpIFRef", "FHN", "GIF", "HH",
            "HindmarshRose", "Izhikevich", "LIF", "LIFRef", "MorrisLecar", "PoissonGroup", "QuaIF", "SpikeTimeGroup",
            "WangBuzsakiHH", "aeif_cond_exp", "hh_psc_alpha", "iaf_cond_alpha", "iaf_cond_exp", "iaf_psc_alpha", "poisson_generator",
            "iaf_psc_delta", "iaf_psc_exp", "izhikevich");

    static NeuronModelFactory model(String name) {
        return NeuronModelFactory.onClasspath(CatalogTest.class.getClassLoader()).stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not found"));
    }

    private static Map<String, ParamSpec> specs(String model) {
        Map<String, ParamSpec> byName = new HashMap<>();
        model(model).parameters().forEach(s -> byName.put(s.name(), s));
        return byName;
    }

    @Test
    void everyModelIsAServiceUnderItsReferenceName() {
        TreeSet<String> names = new TreeSet<>();
        NeuronModelFactory.onClasspath(CatalogTest.class.getClassLoader()).forEach(f -> names.add(f.name()));
        assertEquals(new TreeSet<>(NAMES), names);
    }

    /** Every parameter of every file model has a unit (or is dimensionless on purpose) and a meaning. */
    @Test
    void everyParameterSaysWhatItIs() {
        for (String name : NAMES) {
            for (ParamSpec p : model(name).parameters()) {
                assertTrue(name.equals("PoissonGroup") || name.equals("SpikeTimeGroup") || !p.description().isBlank(),
                        name + "." + p.name() + " has no meaning");
            }
        }
    }

    /** The reference's LIF: V_rest 0, V_reset -5, V_th 20 mV, R 1, tau 10 ms, refractory 1 ms. */
    @Test
    void lifListsTheReferenceDefaultsWithUnits() {
        Map<String, ParamSpec> lif = specs("LIF");
        assertEquals("-5", lif.get("V_reset").defaultValue());
        assertEquals("mV", lif.get("V_th").unit());
        assertEquals("10", lif.get("tau").defaultValue());
        assertEquals("ms", lif.get("tau_ref").unit());
    }

    /** NEST's iaf_psc_alpha defaults (models/iaf_psc_alpha.h): C_m 250 pF, tau_m 10 ms, V_th -55 mV, t_ref 2 ms. */
    @Test
    void nestModelsListNestsNamesUnitsAndDefaults() {
        Map<String, ParamSpec> alpha = specs("iaf_psc_alpha");
        assertEquals("250", alpha.get("C_m").defaultValue());
        assertEquals("pF", alpha.get("C_m").unit());
        assertEquals("-55", alpha.get("V_th").defaultValue());
        assertEquals("2", alpha.get("t_ref").defaultValue());
        Map<String, ParamSpec> aeif = specs("aeif_cond_exp");
        assertEquals("nS", aeif.get("g_L").unit());
        assertEquals("80.5", aeif.get("b").defaultValue());
        assertEquals("pA", aeif.get("b").unit());
    }

    /** A value is given in the unit the listing shows; the model computes in ms, mV, nA, uS, nF. */
    @Test
    void givenValuesReplaceDefaultsInTheirListedUnits() {
        NeuronModel m = model("LIF").create(Map.of("tau", 20, "V_th", -50.0));
        assertEquals(20.0, m.parameters().get("tau"));
        assertEquals(-50.0, m.parameters().get("V_th"));
        assertEquals(0.0, m.parameters().get("V_rest"));
        NeuronModel nest = model("iaf_psc_delta").create(Map.of("C_m", 500, "I_e", 376.0));
        assertEquals(0.5, nest.parameters().get("C_m"), 1e-12); // 500 pF is 0.5 nF
        assertEquals(0.376, nest.parameters().get("I_e"), 1e-12); // 376 pA is 0.376 nA
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> model("HH").create(Map.of("gna", 1)));
        assertTrue(e.known().contains("gNa"), e.getMessage());
    }

    /** An alias is the same model under another name. */
    @Test
    void aliasesAreTheSameModel() {
        assertEquals(model("AdExIF").parameters(), model("AdEx").parameters());
        assertEquals("AdEx", model("AdEx").create(Map.of()).name());
    }
}
