package org.brainj.examples.plugin;

import java.util.List;
import java.util.Map;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.spi.Parameters;
import org.osgi.service.component.annotations.Component;

/**
 * Izhikevich's (2001) resonate-and-fire neuron, {@code dz/dt = (b + i omega) z + I} with
 * {@code z = x + i y}: a damped oscillator that fires when {@code y} exceeds its threshold, so it
 * prefers inputs at its resonant frequency {@code omega / 2 pi}. Units: ms, and x, y as mV.
 */
@Component(service = NeuronModelFactory.class, property = NeuronModelFactory.NAME_PROPERTY + "=" + ResonateAndFire.NAME)
public final class ResonateAndFire implements NeuronModelFactory {
    static final String NAME = "ResonateAndFire";

    private static final List<ParamSpec> PARAMETERS = List.of(
            ParamSpec.optional("b", "1/ms", "-0.05", "the damping rate (negative: oscillations decay)"),
            ParamSpec.optional("omega", "1/ms", "0.25", "the angular frequency of the subthreshold oscillation"),
            ParamSpec.optional("y_th", "mV", "1.0", "a spike when y exceeds this"),
            ParamSpec.optional("x_reset", "mV", "0.0", "x after a spike"),
            ParamSpec.optional("y_reset", "mV", "0.0", "y after a spike"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ParamSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public NeuronModel create(Map<String, ?> params) {
        Parameters p = Parameters.of(NAME, PARAMETERS, params);
        NeuronModel.Builder b = NeuronModel.builder(NAME);
        PARAMETERS.forEach(spec -> b.parameter(spec.name(), p.real(spec.name())));
        return b.derivative("x", ExpressionParser.parse("b * x - omega * y + input + I_syn"))
                .derivative("y", ExpressionParser.parse("omega * x + b * y"))
                .input("input").current("I_syn").membrane("x")
                .threshold(ExpressionParser.parse("y > y_th"))
                .reset("x", ExpressionParser.parse("x_reset")).reset("y", ExpressionParser.parse("y_reset"))
                .build();
    }
}
