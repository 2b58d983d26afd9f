package org.brainj.api.sim;

import java.util.List;
import java.util.Map;
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
}
