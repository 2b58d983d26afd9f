package org.brainj.models.neurons;

import java.util.List;
import org.brainj.api.UnknownNameException;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.models.files.ClasspathModels;

/** The catalog's file models on a plain classpath, for Java programs: {@code Neurons.model("LIF")}. */
public final class Neurons {
    private Neurons() {
    }

    /** The factory of the model named {@code name} (its file's name or an alias). */
    public static NeuronModelFactory factory(String name) {
        List<NeuronModelFactory> all = new ClasspathModels().models();
        return all.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new UnknownNameException("neuron model", name, all.stream().map(NeuronModelFactory::name).sorted().toList()));
    }

    /** The model named {@code name} with its file's defaults. */
    public static NeuronModel model(String name) {
        return factory(name).create(java.util.Map.of());
    }
}
