package org.brainj.models.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;

/**
 * What every Java model service does: list the model's parameters with their defaults, check given
 * values against them, and return the model with those values. Subclasses only name the model.
 */
abstract class CatalogModel implements NeuronModelFactory {
    private final NeuronModel model;
    private final List<ParamSpec> parameters;

    /** @param units the unit of each parameter as the equations use it ("" when dimensionless) */
    CatalogModel(Supplier<NeuronModel> model, Map<String, String> units) {
        this.model = model.get();
        this.parameters = this.model.parameters().entrySet().stream()
                .map(e -> ParamSpec.optional(e.getKey(), units.getOrDefault(e.getKey(), ""),
                        Double.toString(e.getValue()), e.getKey() + " of " + this.model.name()))
                .toList();
    }

    @Override
    public final String name() {
        return model.name();
    }

    @Override
    public final List<ParamSpec> parameters() {
        return parameters;
    }

    @Override
    public final NeuronModel create(Map<String, ?> params) {
        Parameters p = Parameters.of(model.name(), parameters, params);
        Map<String, Double> values = new LinkedHashMap<>();
        params.keySet().forEach(name -> values.put(name, p.real(name)));
        return model.with(values);
    }
}
