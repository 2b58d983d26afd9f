package org.brainj.models.files;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;

/** A neuron model of the {@link CatalogIndex}: named from it, its file read when anything more is asked. */
final class IndexedModel implements NeuronModelFactory {
    private final String name;
    private final Supplier<NeuronModelFactory> model;

    IndexedModel(String name, Supplier<NeuronModelFactory> model) {
        this.name = name;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamSpec> parameters() {
        return model.get().parameters();
    }

    @Override
    public NeuronModel create(Map<String, ?> params) {
        return model.get().create(params);
    }

    @Override
    public String method() {
        return model.get().method();
    }

    @Override
    public double dt() {
        return model.get().dt();
    }
}
