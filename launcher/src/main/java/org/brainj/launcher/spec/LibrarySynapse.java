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
import org.brainj.api.sim.Synapse;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.PhysicalUnits;

/**
 * A projection's {@code synapse:} that names a model of the synapse library ({@code STDP},
 * {@code STP}, {@code NMDA}, ... see {@code brainj list}): {@code synapse: STDP} or
 * {@code synapse: {model: STDP, parameters: {taupre: 15 ms}, delay: 2 ms}}, with the projection's {@code on:}
 * naming the post-synaptic variable it acts on: by default the post model's membrane potential
 * for a model that adds at spikes (a delta synapse), its synaptic current variable for one that
 * sets a current every step ({@code (summed)}), which must then be a per-neuron variable.
 * A kinetic model ({@code Exponential}, {@code DualExponential}, {@code Alpha}) drives through
 * the library's output the projection's {@code output:} names ({@code COBA}, {@code MgBlock};
 * {@code CUBA} is the model as written). The four named synapses ({@link Synapse#NAMES}) keep
 * their Java form.
 */
final class LibrarySynapse {
    private LibrarySynapse() {
    }

    /** What a library synapse gives the projection: the model, per-synapse defaults and its parameters' units. */
    record Resolved(SynapseModelFactory.Compiled compiled, Map<String, Unit<?>> parameterUnits) {
    }

    /** The per-synapse variable that carries a library synapse's weight, in the unit its output reads. */
    private static final String WEIGHT = "w";

    /** Whether {@code synapse} names a library model rather than a named synapse or an equation block. */
    static boolean is(SpecNode synapse) {
        if (synapse == null) {
            return false;
        }
        if (!synapse.isMapping()) {
            return !synapse.isSequence() && !Synapse.NAMES.contains(synapse.text());
        }
        Map<String, SpecNode> keys = synapse.mapping();
        SpecNode model = keys.get("model");
        return model != null && !keys.containsKey("on_pre") && !keys.containsKey("on_post") && !model.isMapping()
                && !model.isSequence() && model.text().trim().matches("[A-Za-z_][A-Za-z0-9_]*");
    }

    /**
     * The library model {@code synapse} names (its text, or its {@code model:}): an unknown name
     * is the first fault to report, as the keys beside it may be right for the intended model.
     */
    static SynapseModelFactory factory(SpecNode synapse, Catalog catalog) {
        SpecNode at = synapse.isMapping() && synapse.mapping().containsKey("model") ? synapse.mapping().get("model") : synapse;
        return SpecLoader.wrap(at, () -> catalog.synapse(at.text().trim()));
    }

    /**
     * The library model {@code synapse}, driving its post-synaptic neurons through the library's
     * {@code output} (null: as the model is written), named as the projection's {@code output:}
     * ({@code COBA} or {@code {kind: COBA, E: -80 mV}}), its parameters checked against their units.
     */
    static Resolved compile(String name, SpecNode synapse, SpecNode on, SpecNode output, Population pre, Population post,
                            CompiledNeuron preModel, CompiledNeuron postModel, Catalog catalog) {
        SpecNode modelNode = synapse;
        SpecNode params = null;
        SpecNode delay = null;
        if (synapse.isMapping()) {
            SpecNode.Fields s = synapse.fields("model", "parameters", "delay");
            modelNode = s.required("model");
            params = s.optional("parameters");
            delay = s.optional("delay");
        }
        SpecNode at = modelNode;
        SynapseModelFactory factory = factory(at, catalog);
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        Map<String, Unit<?>> units = new LinkedHashMap<>();
        factory.parameters().forEach(p -> {
            specs.put(p.name(), p);
            units.put(p.name(), p.unit().isEmpty() ? PhysicalUnits.ONE : PhysicalUnits.parse(p.unit()));
        });
        Map<String, Object> values = new LinkedHashMap<>();
        if (params != null) {
            params.mapping().forEach((p, v) -> {
                ParamSpec spec = specs.get(p);
                if (spec == null) {
                    throw v.error("synapse model " + factory.name() + " has no parameter '" + p + "'; its parameters are "
                            + String.join(", ", specs.keySet()));
                }
                values.put(p, SpecLoader.inUnit(v, spec.unit(), "parameter " + p + " of " + factory.name()));
            });
        }
        NeuronModel postNeuron = post.group().model();
        String target = on != null ? on.name() : factory.summed() ? postNeuron.current() : postNeuron.membrane();
        if (on == null && factory.summed() && (target == null || !post.group().variables().contains(target))) {
            throw at.error(factory.name() + " sets a current every step; name the post-synaptic variable it sets with"
                    + " 'on:' beside 'synapse:' (a per-neuron variable of " + post.name() + "'s equations, e.g."
                    + " 'I_gap : amp'; a catalog model's synaptic current is not one)");
        }
        if (target == null || !post.group().variables().contains(target)) {
            throw (on == null ? at : on).error("'" + target + "' is not a variable of " + post.name() + " for "
                    + factory.name() + " to act on; its variables: " + post.group().variables());
        }
        SynapseModelFactory.Groups groups = new SynapseModelFactory.Groups(units(pre.group(), preModel),
                units(post.group(), postModel), target, pre.group().model().membrane(), postNeuron.membrane());
        SpecNode where = params == null ? at : params;
        SynapseModelFactory.Compiled compiled = SpecLoader.wrap(where, () -> factory.compile(name, values, groups));
        if (delay != null) {
            compiled = delayed(compiled, delay);
        }
        if (output != null) {
            compiled = driven(compiled, output, target, postNeuron.membrane(), catalog);
        }
        return new Resolved(compiled, units);
    }

    /** {@code compiled} with the output {@code node} names ({@code COBA} or {@code {kind: COBA, E: 0 mV}}). */
    private static SynapseModelFactory.Compiled driven(SynapseModelFactory.Compiled compiled, SpecNode node,
                                                       String target, String membrane, Catalog catalog) {
        SpecNode kind = node;
        Map<String, SpecNode> given = Map.of();
        if (node.isMapping()) {
            given = new LinkedHashMap<>(node.mapping());
            kind = given.remove("kind");
            if (kind == null) {
                throw node.error("an output is a name or {kind: NAME, parameters...}, e.g. {kind: COBA, E: 0 mV}; give 'kind'");
            }
        }
        SpecNode at = kind;
        OutputModelFactory output = SpecLoader.wrap(at, () -> catalog.output(at.text().trim()));
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        output.parameters().forEach(p -> specs.put(p.name(), p));
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((p, v) -> {
            ParamSpec spec = specs.get(p);
            if (spec == null) {
                throw v.error("output " + output.name() + " has no parameter '" + p + "'; its parameters are "
                        + (specs.isEmpty() ? "none" : String.join(", ", specs.keySet())));
            }
            values.put(p, SpecLoader.inUnit(v, spec.unit(), "parameter " + p + " of output " + output.name()));
        });
        return SpecLoader.wrap(node, () -> output.drive(compiled, values, target, membrane, WEIGHT));
    }

    /** The model with the pre-synaptic pathway's delay shared by all synapses. */
    private static SynapseModelFactory.Compiled delayed(SynapseModelFactory.Compiled c, SpecNode delay) {
        double d = delay.time();
        if (!(d >= 0)) {
            throw delay.error("a delay is a time >= 0; give e.g. '2 ms'");
        }
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
