package org.brainj.models.behaviour;

import org.brainj.api.sim.NeuronModelFactory;

/** The catalog's models as a plain-classpath user finds them. */
final class CatalogModels {
    private CatalogModels() {
    }

    static NeuronModelFactory model(String name) {
        return NeuronModelFactory.onClasspath(CatalogModels.class.getClassLoader()).stream()
                .filter(f -> f.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not found"));
    }
}
