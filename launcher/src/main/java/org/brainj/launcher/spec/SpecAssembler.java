package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.integrate.StepStability;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.InitializerText;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.PoissonInput;
import org.brainj.api.model.PopulationSum;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.sim.Population;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.sim.SynapseMonitor;
import org.brainj.api.sim.Synapses;
import org.brainj.api.sim.WholeSteps;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.tensor.Backend;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.Neurons;
import org.brainj.launcher.spec.NetworkSpec.Poisson;
import org.brainj.launcher.spec.NetworkSpec.ProjectionSpec;

/**
 * Turns a {@link NetworkSpec} into API objects: a {@link Network} with its groups, views,
 * projections, synapses, inputs and monitors, models, connectors and the backend found in a
 * {@link Catalog}. What a value means for a model (its unit, its name) is checked here, by the
 * API where the API knows it, and a fault is reported at the value's place in the spec. Three
 * parts are built by their own classes: {@code inputs:} entries ({@link InputSpec}, which a sweep
 * builds again with other values), synapses written as models ({@link SynapseSpec},
 * {@link LibrarySynapse}) and {@code plots:} ({@link PlotSpec}, which checks names against the
 * monitors built). It reads no YAML.
 */
final class SpecAssembler {
    private static final Pattern VIEW = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\[\\s*(\\d+)\\s*:\\s*(\\d+)\\s*]");

    private final Catalog catalog;
    private final NetworkSpec spec;
    private final CompiledAhead equationsCompiled;
    private final RunSettings settings;
    private final Network network;
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private final Map<String, Where> places = new LinkedHashMap<>();
    private final Map<NeuronGroup, CompiledNeuron> equationModels = new HashMap<>();
    private final Map<String, Synapses> synapses = new LinkedHashMap<>();
    private final List<SpecRun.SynapseState> synapseStates = new ArrayList<>();
    private final List<SpecRun.InputEntry> inputEntries = new ArrayList<>();

    private SpecAssembler(NetworkSpec spec, Catalog catalog, CompiledAhead equationsCompiled) {
        this.spec = spec;
        this.catalog = catalog;
        this.equationsCompiled = equationsCompiled;
        this.settings = spec.settings();
        this.network = new Network(backend()).dt(settings.dt()).seed(settings.seed()).dtype(settings.precision());
    }

    /** The network of {@code spec}, built: allocated and compiled, so what only the whole network shows is reported now. */
    static SpecRun assemble(NetworkSpec spec, Catalog catalog) {
        return assemble(spec, catalog, CompiledAhead.NONE);
    }

    /** As {@link #assemble(NetworkSpec, Catalog)}, with the models the spec writes as equations compiled already. */
    static SpecRun assemble(NetworkSpec spec, Catalog catalog, CompiledAhead equationsCompiled) {
        return new SpecAssembler(spec, catalog, equationsCompiled).assemble();
    }

    private SpecRun assemble() {
        for (NetworkSpec.PopulationSpec p : spec.populations()) {
            if (p instanceof NetworkSpec.Generator g) {
                generator(g);
            } else {
                neurons((Neurons) p);
            }
        }
        spec.views().forEach(v -> populations.put(v.name(), view(v.range().where(), v.range().value())));
        spec.projections().forEach(this::projection);
        if (!spec.inputs().isEmpty()) {
            InputSpec inputs = new InputSpec(this::population, (p, v) -> equationModels.containsKey(p.group())
                    ? equationModels.get(p.group()).unit(v) : null, settings);
            for (NetworkSpec.Stimulus in : spec.inputs()) {
                Input built = inputs.build(in);
                network.add(built);
                inputEntries.add(new SpecRun.InputEntry(in, built, inputs::build));
            }
        }
        Map<String, SpikeMonitor> spikes = new LinkedHashMap<>();
        List<SpecRun.State> states = new ArrayList<>();
        monitors(spikes, states);
        List<PlotSpec.Plot> plots = PlotSpec.build(spec.plots(), spikes.keySet(), states);
        // allocating and compiling now reports what only the whole network shows before any output is promised
        wrap(spec.where(), network::build);
        return new SpecRun(spec.name(), settings, network, populations, spikes, states, synapses, synapseStates, places,
                inputEntries, plots);
    }

    private Backend backend() {
        if (spec.backendAt() != null) {
            return wrap(spec.backendAt(), () -> catalog.backend(settings.backend()));
        }
        try {
            return catalog.backend(settings.backend());
        } catch (BrainJException e) {
            throw new BrainJException("--backend: " + e.getMessage(), e);
        }
    }

    // ---- populations ------------------------------------------------------------------------------

    private void generator(NetworkSpec.Generator g) {
        GeneratorSpec.Generated generated = GeneratorSpec.build(g, catalog);
        network.add(generated.group());
        if (generated.input() != null) {
            network.add(generated.input());
        }
        populations.put(g.name(), generated.group());
    }

    private void neurons(Neurons p) {
        NeuronModel model;
        CompiledNeuron equations = null;
        if (p.model() != null) {
            // an unknown model name is the first thing to fix: the keys beside it may be right for the intended one
            model = catalogModel(p);
            if (!p.textKeys().isEmpty()) {
                Located<String> key = p.textKeys().get(0);
                throw key.error("'" + key.value() + "' belongs to models given by equations; model " + p.model().value()
                        + " defines its own");
            }
        } else {
            equations = equationsCompiled.of(p);
            model = equations.model();
        }
        if (!p.poisson().isEmpty()) {
            model = poissonInput(model, p, equations);
        }
        NeuronModel m = model;
        NeuronGroup group = wrap(p.where(), () -> new NeuronGroup(p.name(), p.geometry(), m));
        if (equations != null) {
            equationModels.put(group, equations);
        }
        Located<String> method = p.method();
        if (method == null && p.model() != null) {
            // a registered model brings the method it is stable with, at a dt its file names
            NeuronModelFactory factory = catalog.model(p.model().value());
            group.method(GroupIntegrator.method(factory.method()));
            if (settings.dt() > factory.dt() * (1 + 1e-9)) {
                Logger.getLogger(SpecAssembler.class.getName()).warning(p.model().where() + ": model " + factory.name()
                        + " is checked with " + factory.method() + " at dt <= " + factory.dt() + " ms; this run's dt is "
                        + settings.dt() + " ms: give 'run: {dt: " + factory.dt() + " ms}' if it diverges");
            }
        } else if (method != null) {
            GroupIntegrator integrator = wrap(method.where(), () -> GroupIntegrator.method(method.value()));
            // a method that cannot integrate these equations says so here, not when the network is built
            wrap(method.where(), () -> integrator.integrate(m.subexpressions(), m.derivatives(), 0));
            wrap(method.where(), () -> group.method(integrator));
        }
        if (equations != null) {
            String integrator = method == null ? "euler" : method.value();
            StepStability.stiff(equations.equations(), equations.parameters(), integrator, settings.dt()).ifPresent(stiff -> {
                // the place of the first parameter written in the spec that makes the rate, else the equations'
                Where at = stiff.parameters().stream().filter(p.parameters()::containsKey).map(n -> p.parameters().get(n).where())
                        .findFirst().orElse(p.equations().equations().where());
                throw new SpecException(at, stiff.message(integrator, settings.dt()));
            });
        }
        for (Map.Entry<String, SpecValue> e : p.initial().entrySet()) {
            Unit<?> unit = equations == null ? null : equations.unit(e.getKey());
            String what = "the initial value of " + e.getKey();
            SpecValue v = e.getValue();
            Initializer init = PerNeuron.isPerNeuron(v)
                    ? Initializer.values(PerNeuron.values(v, unit, group.size(), spec.folder(), what))
                    : initializer(v.scalar(), unit, what);
            wrap(v.where(), () -> group.init(e.getKey(), init));
        }
        if (equations != null) {
            for (Map.Entry<String, SpecValue> e : p.parameters().entrySet()) {
                if (PerNeuron.isPerNeuron(e.getValue())) {
                    double[] values = PerNeuron.values(e.getValue(), equations.unit(e.getKey()), group.size(), spec.folder(),
                            "parameter " + e.getKey());
                    wrap(e.getValue().where(), () -> group.set(e.getKey(), Initializer.values(values)));
                }
            }
        }
        network.add(group);
        populations.put(p.name(), group);
        places.put(p.name(), p.where());
        // sums: the API's PopulationSum, run before each step
        p.sums().forEach((target, variable) -> network.step(group.name() + ".sum." + target,
                wrap(variable.where(), () -> PopulationSum.of(group, target, variable.value()))));
    }

    /** {@code poisson_input}: the API's {@link PoissonInput}, which checks the rate's and weight's units. */
    private NeuronModel poissonInput(NeuronModel model, Neurons p, CompiledNeuron equations) {
        Unit<?> membrane = equations == null ? null : equations.unit(model.membrane());
        List<PoissonInput> inputs = new ArrayList<>();
        for (Poisson in : p.poisson()) {
            try {
                inputs.add(PoissonInput.of(in.rate().value(), in.weight().value(), model, membrane));
            } catch (ModelTextException e) {
                throw new SpecException((e.key().equals("weight") ? in.weight() : in.rate()).where(), e.problem(), e);
            }
        }
        return wrap(p.poissonAt(), () -> PoissonInput.onto(model, inputs, settings.dt()));
    }

    private NeuronModel catalogModel(Neurons p) {
        Located<String> name = p.model();
        NeuronModelFactory factory = wrap(name.where(), () -> catalog.model(name.value()));
        Map<String, Object> values = parameterValues(p.parameters(), factory.parameters(), "model " + factory.name(),
                factory.name());
        return wrap(p.parametersAt() == null ? name.where() : p.parametersAt(), () -> factory.create(values));
    }

    /**
     * The parameters {@code given} as the numbers a factory with parameters {@code specs} takes,
     * each in its unit; a name it does not have is one line naming {@code owner} ("model LIF")
     * and its parameters, a value of the wrong dimension names "parameter P of {@code of}".
     */
    static Map<String, Object> parameterValues(Map<String, SpecValue> given, List<ParamSpec> specs, String owner, String of) {
        Map<String, ParamSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        Map<String, Object> values = new LinkedHashMap<>();
        given.forEach((param, v) -> {
            ParamSpec s = byName.get(param);
            if (s == null) {
                throw v.error(owner + " has no parameter '" + param + "'; its parameters are "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
            values.put(param, inUnit(v.scalar(), s, "parameter " + param + " of " + of));
        });
        return values;
    }

    /** A quantity as the number a catalog's factory takes for parameter {@code spec}: in its unit. */
    static double inUnit(SpecValue.Scalar v, ParamSpec spec, String what) {
        return PhysicalUnits.valueIn(v.quantityOf(spec.physicalUnit(), what), spec.physicalUnit());
    }

    /** {@code normal(mean, std)}, {@code uniform(low, high)} or a constant, read by the API. */
    static Initializer initializer(SpecValue.Scalar v, Unit<?> unit, String what) {
        return wrap(v.where(), () -> InitializerText.parse(v.text(), unit, what));
    }

    private Population view(Where at, String text) {
        Matcher m = VIEW.matcher(text);
        if (!m.matches()) {
            throw new SpecException(at, "'" + text + "' is not a view; write POPULATION[from:to], e.g. P[0:3200]");
        }
        Population whole = population(at, m.group(1));
        return wrap(at, () -> whole.view(index(at, m.group(2)), index(at, m.group(3))));
    }

    /** A neuron index of a view: digits, and no more than a population can hold. */
    private static int index(Where at, String digits) {
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw new SpecException(at, "index " + digits + " is beyond any population (at most " + Integer.MAX_VALUE
                    + " neurons); give an index below the population's size");
        }
        return Integer.parseInt(digits);
    }

    private Population population(Located<String> ref) {
        return population(ref.where(), ref.value());
    }

    /** The population, view or inline view {@code name} ({@code P[0:100]}), for an error at {@code at}. */
    private Population population(Where at, String name) {
        if (VIEW.matcher(name).matches()) {
            return view(at, name);
        }
        Population p = populations.get(name);
        if (p == null) {
            throw new SpecException(at, "unknown population '" + name + "'; known: " + String.join(", ", populations.keySet()));
        }
        return p;
    }

    // ---- projections ------------------------------------------------------------------------------

    private void projection(ProjectionSpec p) {
        Population pre = population(p.pre());
        Population post = population(p.post());
        if (p.model() != null) {
            Synapses syn = SynapseSpec.read(p, pre, post, connector(p), equationModels.get(pre.group()),
                    equationModels.get(post.group()), spec.folder(), catalog);
            synapses.put(p.name(), syn);
            network.add(syn);
            return;
        }
        if (p.initialAt() != null) {
            throw new SpecException(p.initialAt(), "'initial' gives the per-synapse variables of a synapse written as"
                    + " equations (synapse: {model: ..., on_pre: ...}); remove it or write the synapse so");
        }
        Projection.Builder b = Projection.builder(p.name(), pre, post);
        Connector connector = connector(p);
        wrap(p.connector().where(), () -> b.connect(connector));
        CompiledNeuron postModel = equationModels.get(post.group());
        Unit<?> weightUnit;
        if (p.on() != null) {
            String on = p.on().value();
            if (!post.group().model().derivatives().containsKey(on)) {
                throw p.on().error("'" + on + "' is not a state variable of " + post.group().name()
                        + "; its state variables: " + post.group().model().derivatives().keySet());
            }
            b.onVariable(on);
            weightUnit = postModel == null ? null : postModel.unit(on);
        } else {
            weightUnit = postModel == null ? null : postModel.unit(post.group().model().membrane());
        }
        SpecValue w = p.weight();
        if (b.hasWeights()) {
            // the connector's own weights, numbers in the model's units, are kept; a scalar would replace them
            if (w != null && !w.isNothing()) {
                throw w.error("connector " + p.connector().name().value() + " gives each synapse its own weight, which"
                        + " this scalar 'weight' would replace; remove 'weight' or use an unweighted connector");
            }
        } else {
            if (w == null) {
                throw SpecException.missing(p.where(), "weight");
            }
            b.weight(weightUnit == null ? w.scalar().quantity(w.scalar().quantity().getUnit(), "a weight")
                    : w.scalar().quantity(weightUnit, "a weight onto " + post.name()));
        }
        if (p.delay() != null) {
            double delay = p.delay().value();
            if (!WholeSteps.isWhole(delay, settings.dt())) {
                throw p.delay().error(WholeSteps.notWhole(delay, settings.dt()) + "; " + WholeSteps.nearest(delay, settings.dt()));
            }
            wrap(p.delay().where(), () -> b.delay(delay));
        }
        network.add(wrap(p.where(), b::build));
    }

    private Connector connector(ProjectionSpec p) {
        NetworkSpec.Connector c = p.connector();
        Map<String, Object> params = new LinkedHashMap<>(c.parameters());
        ConnectorFactory factory = wrap(c.name().where(), () -> catalog.connector(c.name().value()));
        // random connectors draw from the run's seed unless given their own, so a run is reproducible
        if (!params.containsKey("seed") && factory.parameters().stream().anyMatch(s -> s.name().equals("seed"))) {
            params.put("seed", settings.seed() * 1_000_003L + p.index() + 1);
        }
        return wrap(c.where(), () -> factory.create(params));
    }

    // ---- monitors ---------------------------------------------------------------------------------

    private void monitors(Map<String, SpikeMonitor> spikes, List<SpecRun.State> states) {
        NetworkSpec.Monitors monitors = spec.monitors();
        if (monitors.spikes() == null) {
            populations.values().stream().filter(p -> p instanceof NeuronGroup)
                    .forEach(p -> spikes.put(p.name(), network.spikes(p)));
        } else {
            for (Located<String> s : monitors.spikes()) {
                Population p = population(s);
                if (!(p instanceof NeuronGroup g)) {
                    throw s.error("spikes are monitored per population; name the population " + p.group().name()
                            + " (the summary reports its views' rates too)");
                }
                if (spikes.containsKey(g.name())) {
                    throw s.error("'" + g.name() + "' is listed twice");
                }
                spikes.put(g.name(), network.spikes(g));
            }
        }
        for (NetworkSpec.StateMonitor s : monitors.states()) {
            String variable = s.variable().value();
            if (s.synapses() != null) {
                Synapses syn = synapses.get(s.synapses().value());
                if (syn == null) {
                    throw s.synapses().error("no projection written as equations is named '" + s.synapses().value()
                            + "'; those there are: " + synapses.keySet());
                }
                SynapseMonitor monitor = wrap(s.where(), () -> syn.monitor(variable, s.indices(), s.period()));
                synapseStates.add(new SpecRun.SynapseState(syn.name(), variable, monitor, s.indices()));
                continue;
            }
            Population p = population(s.population());
            StateMonitor monitor = wrap(s.where(), () -> network.monitor(p, variable, s.indices(), s.period()));
            CompiledNeuron model = equationModels.get(p.group());
            Unit<?> unit = model == null ? null : model.unit(variable);
            states.add(new SpecRun.State(s.population().value(), variable, monitor, unit == null ? null : Coherent.label(unit),
                    s.indices()));
        }
    }

    /** Runs {@code f}; a runtime or catalog error becomes a spec error at {@code at}. */
    static <T> T wrap(Where at, Supplier<T> f) {
        try {
            return f.get();
        } catch (SpecException e) {
            throw e;
        } catch (BrainJException e) {
            throw new SpecException(at, e.getMessage(), e);
        }
    }
}
