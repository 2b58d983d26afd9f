package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.brainj.api.sim.NeuronModelFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file model runs 1 s at its own method and dt without diverging, at rest and under a drive
 * that makes it fire; the runtime stops with the group, variable and time at the first non-finite value.
 */
class StabilityTest {
    static java.util.List<String> models() {
        return NeuronModelFactory.onClasspath(StabilityTest.class.getClassLoader()).stream()
                .filter(f -> f instanceof org.brainj.models.files.FileModel).map(NeuronModelFactory::name).toList();
    }

    @ParameterizedTest
    @MethodSource("models")
    void runsAtItsDefaultMethodAndDt(String model) {
        NeuronModelFactory f = CatalogModels.model(model);
        boolean nest = f.parameters().stream().anyMatch(p -> p.name().equals("I_e"));
        String input = nest ? "I_e" : "input";
        // a drive that fires every model: 1 nA (or 1000 pA); the per-area models and Morris-Lecar need more
        double drive = switch (model) {
            case "MorrisLecar" -> 100;
            case "HH", "AdExIF", "AdEx", "AdQuaIF", "ALIF" -> 20;
            case "WangBuzsakiHH", "HindmarshRose", "GIF" -> 2;
            case "FHN" -> 1;
            case "QuaIF" -> 10;
            case "izhikevich" -> 10;
            case "Izhikevich", "ExpIF", "ExpIFRef", "LIF", "LIFRef" -> 30;
            default -> 1000;
        };
        Drive d = new Drive(model, Map.of(), input, new double[] {0, drive}, null).run(1000);
        assertTrue(d.count(1) > 3, model + " under " + drive + ": " + d.count(1) + " spikes");
    }
}
