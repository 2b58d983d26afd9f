package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.brainj.api.spi.ParamSpec;

/**
 * A neuron model offered as a service under {@value #NAME_PROPERTY} ({@code LIF}, {@code HH},
 * ...), so launchers and spec files can list, validate and use it by name.
 */
public interface NeuronModelFactory {
    /** The service property that carries a model's name. */
    String NAME_PROPERTY = "model.name";

    String name();

    /** The parameters with units (as the equations use them) and defaults. */
    List<ParamSpec> parameters();

    /** The model with the given parameters overriding the defaults; unknown names are refused. */
    NeuronModel create(Map<String, ?> params);

    /** The integration method the model is stable with at its {@link #dt()}, used where none is given. */
    default String method() {
        return "euler";
    }

    /** The largest time step (ms) at which the model is known to be stable with its {@link #method()}. */
    default double dt() {
        return 0.1;
    }

    /**
     * Many factories from one service on a plain classpath, where {@link ServiceLoader} makes one
     * object per class: a catalog of model files offers each file's model through one provider.
     */
    interface Provider {
        List<NeuronModelFactory> models();
    }

    /** The factories on a plain classpath: each {@code NeuronModelFactory} service and every provider's. */
    static List<NeuronModelFactory> onClasspath(ClassLoader loader) {
        List<NeuronModelFactory> found = new ArrayList<>();
        ServiceLoader.load(NeuronModelFactory.class, loader).forEach(found::add);
        ServiceLoader.load(Provider.class, loader).forEach(p -> found.addAll(p.models()));
        return found;
    }
}
