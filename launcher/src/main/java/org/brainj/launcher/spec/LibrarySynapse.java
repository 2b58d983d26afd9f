package org.brainj.launcher.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.CompiledSynapse;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.Population;
import org.brainj.api.sim.SynapseModel;
import org.brainj.launcher.spec.NetworkSpec.LibraryOutput;
import org.brainj.launcher.spec.NetworkSpec.LibrarySynapseModel;
import org.brainj.launcher.spec.NetworkSpec.Located;

/**
 * A projection's {@code synapse:} that names a model of the synapse library ({@code Exponential},
 * {@code STDP}, {@code NMDA}, ... see {@code brainj list}): {@code synapse: STDP},
 * {@code synapse: {kind: Exponential, tau: 5 ms}} or
 * {@code synapse: {model: STDP, parameters: {taupre: 15 ms}, delay: 2 ms}}, with the projection's {@code on:}
 * naming the post-synaptic variable it acts on: by default the post model's membrane potential
 * for a model that adds at spikes (a delta synapse), its synaptic current symbol for one that
 * sets a current every step ({@code (summed)}), which only a model the compiler merges into a
 * channel of the group can drive (others need a per-neuron variable named by {@code on:}).
 * A kinetic model ({@code Exponential}, {@code DualExponential}, {@code Alpha}) drives through
 * the library's output the projection's {@code output:} names ({@code COBA}, {@code MgBlock};
 * {@code CUBA} is the model as written).
 */
final class LibrarySynapse {
    private LibrarySynapse() {
    }

    /** What a library synapse gives the projection: the model, per-synapse defaults and its parameters' units. */
    record Resolved(SynapseModelFactory.Compiled compiled, Map<String, Unit<?>> parameterUnits) {
    }

    /** The library model {@code name} names: an unknown name is the first fault to report, as the keys beside it may be right for the intended model. */
    static SynapseModelFactory factory(Located<String> name, Catalog catalog) {
        return SpecAssembler.wrap(name.where(), () -> catalog.synapse(name.value()));
    }

    /**
     * The library model {@code synapse}, driving its post-synaptic neurons through the library's
     * output its {@code output()} names (null: as the model is written), its parameters checked
     * against their units.
     */
    static Resolved compile(String name, LibrarySynapseModel synapse, Located<String> on, Population pre, Population post,
                            CompiledNeuron preModel, CompiledNeuron postModel, Catalog catalog) {
        Located<String> at = synapse.model();
        SynapseModelFactory factory = factory(at, catalog);
        Map<String, Unit<?>> units = new LinkedHashMap<>();
        factory.parameters().forEach(p -> units.put(p.name(), p.physicalUnit()));
        Map<String, Object> values = SpecAssembler.parameterValues(synapse.parameters(), factory.parameters(),
                "synapse model " + factory.name(), factory.name());
        NeuronModel postNeuron = post.group().model();
        String target = on != null ? on.value() : factory.summed() ? postNeuron.current() : postNeuron.membrane();
        if (on == null && factory.summed() && target == null) {
            throw at.error(factory.name() + " sets a current every step, but " + post.name() + "'s model has no synaptic"
                    + " current symbol; declare one in its equations ('I_syn : amp', 'current: I_syn') or name the"
                    + " post-synaptic variable it sets with 'on:' beside 'synapse:'");
        }
        boolean current = on == null && factory.summed();
        if (target == null || !current && !post.group().variables().contains(target)) {
            throw (on == null ? at : on).error("'" + target + "' is not a variable of " + post.name() + " for "
                    + factory.name() + " to act on; its variables: " + post.group().variables());
        }
        Map<String, Unit<?>> postUnits = units(post.group(), postModel);
        if (current && postModel != null && !postModel.unitless()) {
            postUnits.put(target, postModel.unit(target));
        }
        SynapseModelFactory.Groups groups = new SynapseModelFactory.Groups(units(pre.group(), preModel), postUnits, target, pre.group().model().membrane(), postNeuron.membrane());
        Where where = synapse.parametersAt() == null ? at.where() : synapse.parametersAt();
        SynapseModelFactory.Compiled compiled = SpecAssembler.wrap(where, () -> factory.compile(name, values, groups));
        if (synapse.delay() != null) {
            double d = synapse.delay().scalar().time();
            if (!(d >= 0)) {
                throw synapse.delay().error("a delay is a time >= 0; give e.g. '2 ms'");
            }
            compiled = delayed(compiled, d);
        }
        if (synapse.output() != null) {
            compiled = driven(compiled, synapse.output(), target, postNeuron.membrane(), catalog);
        }
        return new Resolved(compiled, units);
    }

    /** {@code compiled} with the output {@code given} names ({@code COBA} or {@code {kind: COBA, E: 0 mV}}). */
    private static SynapseModelFactory.Compiled driven(SynapseModelFactory.Compiled compiled, LibraryOutput given,
                                                       String target, String membrane, Catalog catalog) {
        OutputModelFactory output = SpecAssembler.wrap(given.kind().where(), () -> catalog.output(given.kind().value()));
        Map<String, Object> values = SpecAssembler.parameterValues(given.parameters(), output.parameters(),
                "output " + output.name(), "output " + output.name());
        return SpecAssembler.wrap(given.where(), () -> output.drive(compiled, values, target, membrane, SynapseModelFactory.WEIGHT));
    }

    /** The model with the pre-synaptic pathway's delay {@code d} (ms) shared by all synapses. */
    static SynapseModelFactory.Compiled delayed(SynapseModelFactory.Compiled c, double d) {
        SynapseModel m = c.synapse().model();
        SynapseModel with = new SynapseModel(m.name(), m.parameters(), m.variables(), m.clockDriven(), m.eventDriven(),
                m.onPre(), m.onPost(), m.summed(), d, m.postDelay(), m.method());
        return new SynapseModelFactory.Compiled(new CompiledSynapse(with, c.synapse().units(), c.synapse().unitless()),
                c.initial());
    }

    /**
     * A group's variables with their units; null where the model does not say (a catalog model,
     * or one written unitless), whose numbers are then in the coherent system the library's units map to.
     */
    private static Map<String, Unit<?>> units(NeuronGroup g, CompiledNeuron model) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        for (String x : g.variables()) {
            vars.put(x, model == null || model.unitless() ? null : model.unit(x));
        }
        return vars;
    }
}
