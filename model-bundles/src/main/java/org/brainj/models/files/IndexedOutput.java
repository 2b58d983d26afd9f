package org.brainj.models.files;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.measure.Unit;
import org.brainj.api.expr.Expr;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.spi.ParamSpec;

/** A synaptic output of the {@link CatalogIndex}: named from it, its file read when anything more is asked. */
final class IndexedOutput implements OutputModelFactory {
    private final String name;
    private final Supplier<OutputModelFactory> output;

    IndexedOutput(String name, Supplier<OutputModelFactory> output) {
        this.name = name;
        this.output = output;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamSpec> parameters() {
        return output.get().parameters();
    }

    @Override
    public Unit<?> conductance() {
        return output.get().conductance();
    }

    @Override
    public Expr current(Map<String, ?> params, Expr g, Expr v) {
        return output.get().current(params, g, v);
    }

    @Override
    public SynapseModelFactory.Compiled drive(SynapseModelFactory.Compiled synapse, Map<String, ?> params, String target,
                                              String postMembrane, String weight) {
        return output.get().drive(synapse, params, target, postMembrane, weight);
    }
}
