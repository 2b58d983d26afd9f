package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.expr.EquationException;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.expr.Statement;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.CompiledSynapse;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.model.SynapseText;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Population;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.Synapses;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.spec.NetworkSpec.EquationSynapse;
import org.brainj.launcher.spec.NetworkSpec.LibrarySynapseModel;
import org.brainj.launcher.spec.NetworkSpec.ProjectionSpec;

/**
 * A projection whose {@code synapse:} is an equation block with Brian2's keys ({@code model},
 * {@code on_pre}, {@code on_post}, {@code parameters}, {@code delay}) and whose {@code initial:}
 * gives per-synapse variables their values: handed to the API's {@link SynapseText} with the
 * place of each text in the file, and run as {@link Synapses}.
 * <pre>
 * synapse:
 *   model: |
 *     w : 1
 *     dApre/dt = -Apre / taupre : 1 (event-driven)
 *   on_pre: |
 *     ge_post += w
 *     Apre += dApre
 *   parameters: {taupre: 20 ms, dApre: 0.0001}
 * initial: {w: 'rand() * gmax'}
 * </pre>
 * An initial value is a quantity, a list with one per synapse (CSR order), a {@code .npy}
 * file, or an expression of {@code i}, {@code j} (the pre- and post-synaptic index), the
 * parameters and {@code rand()}. A weighted connector's weights are the values of {@code w}.
 * {@code delay:} is the pre-synaptic pathway's, or Brian2's {@code {pre: ..., post: ...}}; each
 * is a time shared by all synapses or, as an initial value, one per synapse
 * ({@code 'j * 0.5 ms'}). {@code method:} integrates the clock-driven equations (Brian2's
 * {@code method}: {@code euler} by default, {@code exact}, {@code rk2}, {@code rk4},
 * {@code exponential_euler}).
 */
final class SynapseSpec {
    /** The variable a weighted connector's weights initialise. */
    private static final String WEIGHT = SynapseModelFactory.WEIGHT;

    private SynapseSpec() {
    }

    /**
     * The synapses of projection {@code p}, its synapse written as a model, onto groups whose
     * equation models are {@code preModel} and {@code postModel} (null for a model from the
     * catalog: its variables are then plain numbers).
     */
    static Synapses read(ProjectionSpec p, Population pre, Population post, Connector connector,
                         CompiledNeuron preModel, CompiledNeuron postModel, Path folder, Catalog catalog) {
        String name = p.name();
        Where connectorAt = p.connector().where();
        boolean library = p.model() instanceof LibrarySynapseModel;
        if (p.model() instanceof LibrarySynapseModel m) {
            LibrarySynapse.factory(m.model(), catalog);
        }
        for (String key : library ? List.<String>of() : List.of("weight", "on", "output")) {
            if (p.besides().containsKey(key)) {
                throw new SpecException(p.besides().get(key), "a synapse given as equations sets its own effect in on_pre;"
                        + " remove '" + key + "' (a weight is a per-synapse variable: declare 'w : 1' and give it in"
                        + " 'initial:')");
            }
        }
        if (p.model() instanceof LibrarySynapseModel m && m.delay() != null && p.delay() != null) {
            throw p.delay().error("the synapse gives its delay already; give it once, beside 'synapse:' or inside it");
        }
        if (!library && p.besides().containsKey("delay")) {
            throw new SpecException(p.besides().get("delay"), "a synapse given as equations takes its delay inside"
                    + " 'synapse:'; move 'delay:' there");
        }
        CompiledSynapse compiled;
        Map<String, Expr> defaults = Map.of();
        Map<String, Unit<?>> parameterUnits = new LinkedHashMap<>();
        Map<Synapses.Pathway, SpecValue> perSynapseDelays = new LinkedHashMap<>();
        if (p.model() instanceof LibrarySynapseModel m) {
            LibrarySynapse.Resolved r = LibrarySynapse.compile(name, m, p.on(), pre, post, preModel, postModel, catalog);
            SynapseModelFactory.Compiled c = p.delay() == null ? r.compiled()
                    : LibrarySynapse.delayed(r.compiled(), p.delay().value());
            compiled = c.synapse();
            defaults = c.initial();
            parameterUnits.putAll(r.parameterUnits());
        } else {
            compiled = equations(name, (EquationSynapse) p.model(), pre, post, preModel, postModel, parameterUnits,
                    perSynapseDelays);
        }
        Connectivity c = SpecAssembler.wrap(connectorAt, () -> Projection.connect(name, connector, pre, post));
        Synapses synapses = SpecAssembler.wrap(p.where(), () -> new Synapses(name, compiled.model(), pre, post, c.csr()));
        defaults.forEach(synapses::init);
        Map<String, SpecValue> values = p.initial();
        if (c.weights().isPresent()) {
            if (!compiled.units().containsKey(WEIGHT)) {
                throw new SpecException(connectorAt, "this connector gives each synapse a weight, but the synapse model has no"
                        + " variable '" + WEIGHT + "' to hold it; declare 'w : 1' in its model or use an unweighted connector");
            }
            if (values.containsKey(WEIGHT)) {
                throw values.get(WEIGHT).error("the connector gives each synapse its weight already, which this initial"
                        + " value of w would replace; remove one of them");
            }
            synapses.init(WEIGHT, c.weights().get());
        }
        if (p.besides().containsKey("weight") && (p.weight() == null || p.weight().isNothing())) {
            throw new SpecException(p.besides().get("weight"), "'weight' has no value; give the synapses' weight w"
                    + " (e.g. '0.5 mV', in the unit of what it drives) or remove the key for the model's default");
        }
        if (p.weight() != null && !p.weight().isNothing()) {
            // a library synapse's weight beside it: the initial value of its per-synapse weight
            if (c.weights().isPresent() || values.containsKey(WEIGHT)) {
                throw p.weight().error("the " + (c.weights().isPresent() ? "connector" : "'initial:' section")
                        + " gives each synapse its weight already, which this 'weight' would replace; remove one of them");
            }
            initial(synapses, compiled, WEIGHT, p.weight(), parameterUnits, folder, "a weight onto " + post.name());
        }
        values.forEach((variable, v) -> initial(synapses, compiled, variable, v, parameterUnits, folder,
                "an initial value of " + name + "." + variable));
        perSynapseDelays.forEach((pathway, d) -> {
            Unit<?> unit = compiled.unitless() ? null : PhysicalUnits.SECOND;
            String what = "the " + pathway.name().toLowerCase(java.util.Locale.ROOT) + "-synaptic delay of " + name;
            Object value = perSynapse(synapses, unit, d, parameterUnits, folder, what);
            if (value instanceof double[] array) {
                SpecAssembler.wrap(d.where(), () -> synapses.delays(pathway, array));
            } else {
                SpecAssembler.wrap(d.where(), () -> synapses.delays(pathway, (Expr) value));
            }
        });
        return synapses;
    }

    /**
     * The synapse model of an equation block, its parameters' units put in {@code parameterUnits}
     * and its delays that differ per synapse in {@code perSynapseDelays}.
     */
    private static CompiledSynapse equations(String name, EquationSynapse s, Population pre, Population post,
                                             CompiledNeuron preModel, CompiledNeuron postModel,
                                             Map<String, Unit<?>> parameterUnits,
                                             Map<Synapses.Pathway, SpecValue> perSynapseDelays) {
        SynapseText text = SynapseText.of(s.model() != null ? s.model().value()
                : new org.brainj.api.expr.Source("", s.where().line(), 1));
        if (s.onPre() != null) {
            text.onPre(s.onPre().value());
        }
        if (s.onPost() != null) {
            text.onPost(s.onPost().value());
        }
        s.delays().forEach((pathway, d) -> {
            if (perSynapse(d)) {
                perSynapseDelays.put(pathway, d);
            } else if (pathway == Synapses.Pathway.PRE) {
                text.delay(d.scalar().text());
            } else {
                text.postDelay(d.scalar().text());
            }
        });
        if (s.method() != null) {
            text.method(s.method().value());
        }
        Map<String, Where> parameterPlaces = new LinkedHashMap<>();
        s.parameters().forEach((p, v) -> {
            text.parameter(p, v.scalar().quantity());
            parameterUnits.put(p, v.scalar().quantity().getUnit());
            parameterPlaces.put(p, v.where());
        });
        try {
            return text.compile(name, variables(pre, preModel), variables(post, postModel));
        } catch (ModelTextException e) {
            throw EquationModel.located(e, s.places(), parameterPlaces, s.where());
        }
    }

    /** Whether a value differs per synapse: a list, a {@code .npy} file or an expression rather than one quantity. */
    private static boolean perSynapse(SpecValue v) {
        return v instanceof SpecValue.Listed || v.scalar().text().endsWith(".npy") || !isQuantity(v.scalar().text());
    }

    private static boolean isQuantity(String text) {
        try {
            SpecValue.parseQuantity(text);
            return true;
        } catch (BrainJException notAQuantity) {
            return false;
        }
    }

    /** A group's variables that synapses may read and write, with their units (plain numbers for a catalog model). */
    private static Map<String, Unit<?>> variables(Population p, CompiledNeuron model) {
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        NeuronGroup g = p.group();
        for (String x : g.variables()) {
            Unit<?> unit = model == null ? null : model.unit(x);
            vars.put(x, unit == null || model.unitless() ? PhysicalUnits.ONE : unit);
        }
        return vars;
    }

    private static void initial(Synapses synapses, CompiledSynapse compiled, String variable, SpecValue v,
                                Map<String, Unit<?>> parameterUnits, Path folder, String what) {
        Unit<?> unit = compiled.units().get(variable);
        if (unit == null) {
            throw v.error("'" + variable + "' is not a per-synapse variable of " + synapses.name() + "; its variables: "
                    + compiled.units().keySet());
        }
        Object value = perSynapse(synapses, compiled.unitless() ? null : unit, v, parameterUnits, folder, what);
        if (value instanceof double[] array) {
            SpecAssembler.wrap(v.where(), () -> synapses.init(variable, array));
        } else if (value instanceof Double constant) {
            SpecAssembler.wrap(v.where(), () -> synapses.init(variable, constant));
        } else {
            SpecAssembler.wrap(v.where(), () -> synapses.init(variable, (Expr) value));
        }
    }

    /**
     * A per-synapse value in the unit {@code declared} (null: a plain number): a list or
     * {@code .npy} file ({@code double[]}), a quantity ({@code Double}), or an expression of
     * {@code i}, {@code j}, {@code rand()} and the parameters, unit-checked ({@link Expr}).
     */
    private static Object perSynapse(Synapses synapses, Unit<?> declared, SpecValue v, Map<String, Unit<?>> parameterUnits,
                                     Path folder, String what) {
        if (v instanceof SpecValue.Listed || v.scalar().text().endsWith(".npy")) {
            return PerNeuron.values(v, declared, synapses.size(), folder, what);
        }
        if (isQuantity(v.scalar().text())) {
            return declared == null ? Coherent.value(SpecValue.parseQuantity(v.scalar().text()))
                    : v.scalar().quantity(declared, what);
        }
        Map<String, Unit<?>> names = new LinkedHashMap<>(parameterUnits);
        names.put("i", PhysicalUnits.ONE);
        names.put("j", PhysicalUnits.ONE);
        names.put(ExpressionParser.RAND, PhysicalUnits.ONE);
        names.put(ExpressionParser.RANDN, PhysicalUnits.ONE);
        try {
            Statement s = Equations.parseCondition(v.scalar().source(), "(initial)");
            Statement typed = new Statement(s.kind(), s.variable(), s.rhs(), declared == null ? PhysicalUnits.ONE : declared,
                    s.flags(), s.line(), s.column(), s.positions());
            Equations eqs = new Equations(List.of(typed));
            Equations checked = declared == null ? eqs.checkUnitless(names.keySet()) : eqs.checkUnits(names);
            return checked.statement("(initial)").rhs();
        } catch (EquationException e) {
            throw new SpecException(v.where().at(e.line(), e.column()), e.problem().replace("(initial)", what)
                    + "; give a quantity, a list, a .npy file, or an expression of i, j, rand() and the parameters", e);
        }
    }
}
