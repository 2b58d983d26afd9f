package org.brainj.models.files;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.spi.ParamSpec;

/** A synapse model of the {@link CatalogIndex}: named from it, its file read when anything more is asked. */
final class IndexedSynapse implements SynapseModelFactory {
    private final String name;
    private final Supplier<SynapseModelFactory> synapse;

    IndexedSynapse(String name, Supplier<SynapseModelFactory> synapse) {
        this.name = name;
        this.synapse = synapse;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<ParamSpec> parameters() {
        return synapse.get().parameters();
    }

    @Override
    public Port target() {
        return synapse.get().target();
    }

    @Override
    public Port membrane() {
        return synapse.get().membrane();
    }

    @Override
    public boolean summed() {
        return synapse.get().summed();
    }

    @Override
    public Compiled compile(String name, Map<String, ?> params, Groups groups) {
        return synapse.get().compile(name, params, groups);
    }

    @Override
    public SynapseModel onto(NeuronGroup post, Map<String, ?> params, OutputModelFactory output, Map<String, ?> outputParams) {
        return synapse.get().onto(post, params, output, outputParams);
    }
}
