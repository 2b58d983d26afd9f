package org.brainj.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.measure.Unit;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.spi.ParamSpec;

/**
 * How a synapse's conductance drives its post-synaptic neuron (the {@code out} role of the
 * reference's AlignPost projection: {@code CUBA}, {@code COBA}, {@code MgBlock}), a model of a
 * library offered as a service under {@value #NAME_PROPERTY}. It turns a synapse model whose
 * {@code (summed)} value is a weight times a gate ({@code I_post = w * s}) into one whose summed
 * value is the current that conductance drives ({@code I_post = w * s * (E - v_post)}), the weight
 * then carrying the unit of {@link #conductance()}: kinetics and output are written once each and
 * composed by name.
 */
public interface OutputModelFactory {
    /** The service property that carries an output's name. */
    String NAME_PROPERTY = "output.name";

    String name();

    /** The parameters with units, defaults and meanings. */
    List<ParamSpec> parameters();

    /** The unit of the conductance it reads, which a synapse's weight takes (siemens; amp for a current). */
    Unit<?> conductance();

    /**
     * The current conductance {@code g} drives at membrane potential {@code v} (null where the
     * neuron names none), in the coherent system (nA from uS and mV), with {@code params}
     * (numbers in the units {@link #parameters()} lists) overriding the defaults; unknown names
     * are refused.
     */
    Expr current(Map<String, ?> params, Expr g, Expr v);

    /**
     * {@code synapse} with the summed value it sets on {@code target} made the current this
     * output drives from it at the post-synaptic membrane potential {@code postMembrane}, and its
     * weight {@code weight} in the unit of {@link #conductance()}. A synapse that sets no summed
     * value on {@code target} (one that adds at spikes) is refused, naming both.
     */
    default SynapseModelFactory.Compiled drive(SynapseModelFactory.Compiled synapse, Map<String, ?> params, String target,
                                               String postMembrane, String weight) {
        SynapseModel m = synapse.synapse().model();
        Expr g = m.summed().get(target);
        if (g == null || !synapse.synapse().units().containsKey(weight)) {
            throw new ModelTextException("output", name(), 0, 0, "output " + name() + " shapes the current a synapse"
                    + " sets every step, its weight '" + weight + "' times a gate ('I_post = w * s : amp (summed)'),"
                    + " but " + m.name() + " sets no such current on " + target + "; remove the output or use a kinetic"
                    + " synapse (Exponential, DualExponential, Alpha)", null);
        }
        Map<String, Expr> summed = new LinkedHashMap<>(m.summed());
        summed.put(target, current(params, g, postMembrane == null ? null : Exprs.var(postMembrane + SynapseModel.POST)));
        SynapseModel driven = new SynapseModel(m.name() + "+" + name(), m.parameters(), m.variables(), m.clockDriven(),
                m.eventDriven(), m.onPre(), m.onPost(), summed, m.delay(), m.postDelay(), m.method());
        Map<String, Unit<?>> units = new LinkedHashMap<>(synapse.synapse().units());
        units.put(weight, conductance());
        return new SynapseModelFactory.Compiled(new CompiledSynapse(driven, units, synapse.synapse().unitless()),
                synapse.initial());
    }

    /** The output named {@code name} on a plain classpath; an unknown name lists the close ones. */
    static OutputModelFactory named(String name, ClassLoader loader) {
        List<OutputModelFactory> all = onClasspath(loader);
        return all.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new org.brainj.api.UnknownNameException("synaptic output", name,
                        all.stream().map(OutputModelFactory::name).toList()));
    }

    /** Many outputs from one service on a plain classpath (see {@link SynapseModelFactory.Provider}). */
    interface Provider {
        List<OutputModelFactory> outputs();
    }

    /** The outputs on a plain classpath: each {@code OutputModelFactory} service and every provider's. */
    static List<OutputModelFactory> onClasspath(ClassLoader loader) {
        List<OutputModelFactory> found = new ArrayList<>();
        ServiceLoader.load(OutputModelFactory.class, loader).forEach(found::add);
        ServiceLoader.load(Provider.class, loader).forEach(p -> found.addAll(p.outputs()));
        return found;
    }
}
