package org.brainj.launcher.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NamedSynapses;
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
import org.brainj.api.sim.Synapse;
import org.brainj.api.sim.Synapses;
import org.brainj.api.sim.SynapticOutput;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a spec file (YAML, or JSON, which YAML reads too) into a {@link Network}: populations,
 * views, projections, inputs, monitors and run settings, each checked against the schema in the
 * README, with models, connectors and the backend found in a {@link Catalog}.
 */
public final class SpecLoader {
    private static final Pattern VIEW = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*\\[\\s*(\\d+)\\s*:\\s*(\\d+)\\s*]");
    private static final Pattern INITIALIZER = Pattern.compile("(normal|uniform)\\s*\\((.*)\\)");
    private static final Unit<?> VOLT = PhysicalUnits.parse("volt");

    private final Catalog catalog;
    /** The spec's folder, which file paths in it are relative to. */
    private final Path folder;
    private final Map<String, Population> populations = new LinkedHashMap<>();
    private final Map<String, Where> places = new LinkedHashMap<>();
    private final Map<NeuronGroup, CompiledNeuron> equationModels = new HashMap<>();
    private final Map<String, Synapses> synapses = new LinkedHashMap<>();
    private final List<SpecRun.SynapseState> synapseStates = new ArrayList<>();
    private final List<SpecRun.InputEntry> inputEntries = new ArrayList<>();
    private RunSettings settings;
    private Network network;

    private SpecLoader(Catalog catalog, Path folder) {
        this.catalog = catalog;
        this.folder = folder;
    }

    /**
     * Reads {@code file} (named {@code shownAs} in messages) into a network on the backend the
     * settings name.
     */
    public static SpecRun load(Path file, String shownAs, RunSettings.Overrides overrides, Catalog catalog) {
        SpecNode root = parse(file, shownAs);
        return new SpecLoader(catalog, file.toAbsolutePath().getParent()).read(root, defaultName(file), overrides);
    }

    /** The YAML tree of a spec file, read with a safe loader (no types, no recursion, few aliases). */
    static SpecNode parse(Path file, String shownAs) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(30);
        options.setCodePointLimit(8 << 20);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Node node;
        List<String> lines;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            lines = text.lines().toList();
            node = yaml.compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            String problem = e.getProblem() == null ? "malformed" : e.getProblem();
            throw new SpecException(new Where(shownAs, line, ""), "not valid YAML: " + yamlProblem(problem)
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")") + "; check the indentation and quoting there", e);
        } catch (YAMLException e) {
            throw new SpecException(new Where(shownAs, 1, ""), "not valid YAML: " + yamlProblem(e.getMessage())
                    + "; check the indentation and quoting there", e);
        } catch (CharacterCodingException e) {
            throw new SpecException(new Where(shownAs, 1, ""), "not UTF-8 text; save the file as UTF-8", e);
        } catch (IOException e) {
            throw new BrainJException("spec file '" + shownAs + "' cannot be read: " + e.getMessage(), e);
        }
        if (node == null) {
            throw new SpecException(new Where(shownAs, 1, ""), "the spec is empty; it needs at least 'populations:' and 'run:'");
        }
        requireAcyclic(node, new IdentityHashMap<>(), shownAs);
        return new SpecNode(node, new Where(shownAs, SpecNode.line(node), ""), lines);
    }

    /** SnakeYAML's complaints in the words of a spec: a tag names a Java class, a limit says what to do. */
    private static String yamlProblem(String problem) {
        if (problem.startsWith("Global tag is not allowed")) {
            return "tags ('!!...') are not allowed in a spec; remove the tag";
        }
        if (problem.startsWith("Nesting Depth exceeded")) {
            return "nested more than 30 levels deep; write the value flatter";
        }
        if (problem.startsWith("Number of aliases")) {
            return "more than 20 aliases (*name) of lists or mappings; write the values out";
        }
        return problem;
    }

    /**
     * Refuses an alias inside the node it names ({@code prob: &a [*a]}): the tree would be
     * infinite. The nesting limit bounds this walk's depth.
     */
    private static void requireAcyclic(Node node, IdentityHashMap<Node, Boolean> open, String shownAs) {
        if (open.containsKey(node)) {
            throw new SpecException(new Where(shownAs, SpecNode.line(node), ""), "an alias (*name) refers to the list or mapping"
                    + " that holds it, which would be infinite; write the value out instead");
        }
        open.put(node, Boolean.TRUE);
        if (node instanceof SequenceNode s) {
            s.getValue().forEach(n -> requireAcyclic(n, open, shownAs));
        } else if (node instanceof MappingNode m) {
            m.getValue().forEach(t -> {
                requireAcyclic(t.getKeyNode(), open, shownAs);
                requireAcyclic(t.getValueNode(), open, shownAs);
            });
        }
        open.remove(node);
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private SpecRun read(SpecNode root, String fileName, RunSettings.Overrides overrides) {
        // 'sweep' is read by SweepSpec (brainj sweep); a plain run runs the spec's own values
        SpecNode.Fields top = root.fields("name", "description", "run", "populations", "views", "projections", "inputs",
                "monitors", "plots", "sweep");
        String name = top.has("name") ? top.optional("name").name() : fileName;
        settings = RunSettings.read(top.optional("run"), overrides, root.where());
        network = new Network(backend(top.has("run") ? top.optional("run") : root, overrides))
                .dt(settings.dt()).seed(settings.seed()).dtype(settings.precision());
        SpecNode pops = top.required("populations");
        if (pops.mapping().isEmpty()) {
            throw pops.error("no populations; add at least one");
        }
        pops.mapping().forEach((n, section) -> readPopulation(n, section));
        if (top.has("views")) {
            top.optional("views").mapping().forEach((n, v) -> {
                if (populations.containsKey(n)) {
                    throw v.error("'" + n + "' names a population already; give the view another name");
                }
                populations.put(n, view(v));
            });
        }
        if (top.has("projections")) {
            int index = 0;
            for (Map.Entry<String, SpecNode> e : top.optional("projections").mapping().entrySet()) {
                readProjection(e.getKey(), e.getValue(), index++);
            }
        }
        if (top.has("inputs")) {
            InputSpec inputs = new InputSpec(this::population, (p, v) -> equationModels.containsKey(p.group())
                    ? equationModels.get(p.group()).unit(v) : null, settings);
            for (SpecNode in : top.optional("inputs").sequence()) {
                Input built = inputs.read(in);
                network.add(built);
                inputEntries.add(new SpecRun.InputEntry(in, built, inputs::read));
            }
        }
        Map<String, SpikeMonitor> spikes = new LinkedHashMap<>();
        List<SpecRun.State> states = new ArrayList<>();
        readMonitors(top.optional("monitors"), spikes, states);
        List<PlotSpec.Plot> plots = PlotSpec.read(top.optional("plots"), spikes.keySet(), states, settings.duration());
        // allocating and compiling now reports what only the whole network shows before any output is promised
        wrap(root, network::build);
        return new SpecRun(name, settings, network, populations, spikes, states, synapses, synapseStates, places,
                inputEntries, plots);
    }

    private org.brainj.api.tensor.Backend backend(SpecNode run, RunSettings.Overrides overrides) {
        if (overrides.backend() == null) {
            return wrap(run, () -> catalog.backend(settings.backend()));
        }
        try {
            return catalog.backend(settings.backend());
        } catch (BrainJException e) {
            throw new BrainJException("--backend: " + e.getMessage(), e);
        }
    }

    // ---- populations ------------------------------------------------------------------------------

    private void readPopulation(String name, SpecNode section) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw section.error("'" + name + "' is not a name; use letters, digits and '_'");
        }
        if (section.isMapping() && section.mapping().containsKey("generator")) {
            GeneratorSpec.Generated g = GeneratorSpec.read(name, section, catalog, folder);
            network.add(g.group());
            if (g.input() != null) {
                network.add(g.input());
            }
            populations.put(name, g.group());
            return;
        }
        SpecNode.Fields f = section.fields("size", "model", "equations", "method", "threshold", "reset", "refractory",
                "threshold_crossing", "current", "inputs", "membrane", "parameters", "initial", "poisson_input", "sums");
        int[] geometry = geometry(f.required("size"));
        boolean byName = f.has("model");
        if (byName == f.has("equations")) {
            throw section.error(byName ? "give either 'model' or 'equations', not both"
                    : "no model; give 'model: NAME' (a registered model, see brainj list) or 'equations:'");
        }
        NeuronModel model;
        CompiledNeuron equations = null;
        if (byName) {
            // an unknown model name is the first thing to fix: the keys beside it may be right for the intended one
            model = catalogModel(f.optional("model"), f.optional("parameters"));
            for (String key : List.of("threshold", "threshold_crossing", "reset", "refractory", "current", "inputs", "membrane")) {
                if (f.has(key)) {
                    throw f.optional(key).error("'" + key + "' belongs to models given by equations; model "
                            + f.optional("model").text() + " defines its own");
                }
            }
        } else {
            equations = EquationModel.read(name, f);
            model = equations.model();
        }
        if (f.has("poisson_input")) {
            model = poissonInput(model, f.optional("poisson_input"), equations);
        }
        NeuronModel m = model;
        NeuronGroup group = wrap(section, () -> new NeuronGroup(name, geometry, m));
        if (equations != null) {
            equationModels.put(group, equations);
        }
        SpecNode method = f.optional("method");
        if (method == null && byName) {
            // a registered model brings the method it is stable with, at a dt its file names
            NeuronModelFactory factory = catalog.model(f.optional("model").text());
            group.method(GroupIntegrator.method(factory.method()));
            if (settings.dt() > factory.dt() * (1 + 1e-9)) {
                java.util.logging.Logger.getLogger(SpecLoader.class.getName()).warning(f.optional("model").where()
                        + ": model " + factory.name() + " is checked with " + factory.method() + " at dt <= " + factory.dt()
                        + " ms; this run's dt is " + settings.dt() + " ms: give 'run: {dt: " + factory.dt() + " ms}' if it diverges");
            }
        } else if (method != null) {
            GroupIntegrator integrator = wrap(method, () -> GroupIntegrator.method(method.text()));
            // a method that cannot integrate these equations says so here, not when the network is built
            wrap(method, () -> integrator.integrate(m.subexpressions(), m.derivatives(), 0));
            wrap(method, () -> group.method(integrator));
        }
        if (equations != null) {
            StepStability.check(equations, method == null ? "euler" : method.text(), settings.dt(), f);
        }
        if (f.has("initial")) {
            for (Map.Entry<String, SpecNode> e : f.optional("initial").mapping().entrySet()) {
                Unit<?> unit = equations == null ? null : equations.unit(e.getKey());
                String what = "the initial value of " + e.getKey();
                Initializer init = PerNeuron.isPerNeuron(e.getValue())
                        ? Initializer.values(PerNeuron.values(e.getValue(), unit, group.size(), folder, what))
                        : initializer(e.getValue(), unit, what);
                wrap(e.getValue(), () -> group.init(e.getKey(), init));
            }
        }
        if (equations != null && f.has("parameters")) {
            for (Map.Entry<String, SpecNode> e : f.optional("parameters").mapping().entrySet()) {
                if (PerNeuron.isPerNeuron(e.getValue())) {
                    double[] values = PerNeuron.values(e.getValue(), equations.unit(e.getKey()), group.size(), folder,
                            "parameter " + e.getKey());
                    wrap(e.getValue(), () -> group.set(e.getKey(), Initializer.values(values)));
                }
            }
        }
        network.add(group);
        populations.put(name, group);
        places.put(name, section.where());
        if (f.has("sums")) {
            f.optional("sums").mapping().forEach((target, variable) -> sum(group, target, variable));
        }
    }

    /** {@code sums: {S: s}}: the API's {@link PopulationSum}, run before each step. */
    private void sum(NeuronGroup group, String target, SpecNode variableNode) {
        String variable = variableNode.name();
        network.step(group.name() + ".sum." + target, wrap(variableNode, () -> PopulationSum.of(group, target, variable)));
    }

    /** {@code poisson_input}: the API's {@link PoissonInput}, rate and weight checked for their units. */
    private NeuronModel poissonInput(NeuronModel model, SpecNode node, CompiledNeuron equations) {
        List<SpecNode> items = node.isSequence() ? node.sequence() : List.of(node);
        List<PoissonInput> inputs = new ArrayList<>();
        for (SpecNode item : items) {
            SpecNode.Fields f = item.fields("rate", "weight");
            double rate = f.required("rate").quantity(PhysicalUnits.parse("Hz"), "a rate");
            SpecNode w = f.required("weight");
            Unit<?> unit = equations == null ? null : equations.unit(model.membrane());
            double weight = unit == null ? Coherent.value(w.quantity()) : w.quantity(unit, "a jump of " + model.membrane());
            inputs.add(wrap(f.required("rate"), () -> new PoissonInput(rate, weight)));
        }
        return wrap(node, () -> PoissonInput.onto(model, inputs, settings.dt()));
    }

    private static int[] geometry(SpecNode size) {
        if (size.isSequence()) {
            List<SpecNode> dims = size.sequence();
            if (dims.isEmpty() || dims.size() > 2) {
                throw size.error("a geometry has 1 or 2 dimensions, e.g. 4000 or [30, 30]");
            }
            return dims.stream().mapToInt(d -> d.integer(1)).toArray();
        }
        return new int[] {size.integer(1)};
    }

    private NeuronModel catalogModel(SpecNode modelNode, SpecNode params) {
        NeuronModelFactory factory = wrap(modelNode, () -> catalog.model(modelNode.text()));
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        factory.parameters().forEach(p -> specs.put(p.name(), p));
        Map<String, Object> values = new LinkedHashMap<>();
        if (params != null) {
            params.mapping().forEach((p, v) -> {
                ParamSpec spec = specs.get(p);
                if (spec == null) {
                    throw v.error("model " + factory.name() + " has no parameter '" + p + "'; its parameters are "
                            + String.join(", ", specs.keySet()));
                }
                values.put(p, inUnit(v, spec.unit(), "parameter " + p + " of " + factory.name()));
            });
        }
        return wrap(params == null ? modelNode : params, () -> factory.create(values));
    }

    /** A quantity as a number in {@code unitText} (a catalog's unit, "" for dimensionless). */
    static double inUnit(SpecNode v, String unitText, String what) {
        Unit<?> unit = unitText.isEmpty() ? PhysicalUnits.ONE : PhysicalUnits.parse(unitText);
        Quantity<?> q = v.quantityOf(unit, what);
        return PhysicalUnits.toSI(q) / PhysicalUnits.toSI(1, unit);
    }

    /** {@code normal(mean, std)}, {@code uniform(low, high)} or a constant. */
    static Initializer initializer(SpecNode v, Unit<?> unit, String what) {
        Matcher m = INITIALIZER.matcher(v.text());
        if (!m.matches()) {
            return Initializer.constant(number(v, v.text(), unit, what));
        }
        String[] args = m.group(2).split(",");
        if (args.length != 2) {
            throw v.error(m.group(1) + " takes two values, e.g. " + m.group(1) + "(-55 mV, 5 mV)");
        }
        double a = number(v, args[0].trim(), unit, what);
        double b = number(v, args[1].trim(), unit, what);
        return wrap(v, () -> m.group(1).equals("normal") ? Initializer.normal(a, b) : Initializer.uniform(a, b));
    }

    private static double number(SpecNode at, String text, Unit<?> unit, String what) {
        Quantity<?> q;
        try {
            q = SpecNode.parseQuantity(text);
        } catch (BrainJException e) {
            throw at.error("'" + text + "' is not a quantity: " + e.getMessage());
        }
        if (unit != null && !PhysicalUnits.sameDimension(q.getUnit(), unit)) {
            throw at.error("'" + text + "' is not " + what + ": its unit is " + PhysicalUnits.describe(q.getUnit())
                    + " but the variable is in " + PhysicalUnits.describe(unit) + "; give it in " + unit + ", e.g. '1 " + unit + "'");
        }
        return Coherent.value(q);
    }

    private Population view(SpecNode v) {
        return view(v, v.text());
    }

    private Population view(SpecNode v, String text) {
        Matcher m = VIEW.matcher(text);
        if (!m.matches()) {
            throw v.error("'" + text + "' is not a view; write POPULATION[from:to], e.g. P[0:3200]");
        }
        Population whole = population(v, m.group(1));
        return wrap(v, () -> whole.view(index(v, m.group(2)), index(v, m.group(3))));
    }

    /** A neuron index of a view: digits, and no more than a population can hold. */
    private static int index(SpecNode v, String digits) {
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw v.error("index " + digits + " is beyond any population (at most " + Integer.MAX_VALUE
                    + " neurons); give an index below the population's size");
        }
        return Integer.parseInt(digits);
    }

    /** A population, view, or inline view {@code P[0:100]}. */
    private Population population(SpecNode ref) {
        return population(ref, ref.text());
    }

    /** The population, view or inline view {@code name}, for an error at {@code at}. */
    private Population population(SpecNode at, String name) {
        if (VIEW.matcher(name).matches()) {
            return view(at, name);
        }
        Population p = populations.get(name);
        if (p == null) {
            throw at.error("unknown population '" + name + "'; known: " + String.join(", ", populations.keySet()));
        }
        return p;
    }

    // ---- projections ------------------------------------------------------------------------------

    private void readProjection(String name, SpecNode section, int index) {
        SpecNode.Fields f = section.fields("pre", "post", "connector", "weight", "delay", "on", "synapse", "output",
                "initial");
        Population pre = population(f.required("pre"));
        Population post = population(f.required("post"));
        if (SynapseSpec.isEquations(f.optional("synapse"))) {
            SpecNode at = f.required("connector");
            Synapses syn = SynapseSpec.read(name, f, pre, post, connector(at, index), at, equationModels.get(pre.group()),
                    equationModels.get(post.group()), folder, catalog);
            synapses.put(name, syn);
            network.add(syn);
            return;
        }
        if (f.has("initial")) {
            throw f.optional("initial").error("'initial' gives the per-synapse variables of a synapse written as"
                    + " equations (synapse: {model: ..., on_pre: ...}); remove it or write the synapse so");
        }
        Projection.Builder b = Projection.builder(name, pre, post);
        SpecNode connectorNode = f.required("connector");
        Connector connector = connector(connectorNode, index);
        wrap(connectorNode, () -> b.connect(connector));
        CompiledNeuron postModel = equationModels.get(post.group());
        Unit<?> weightUnit = null;
        if (f.has("on")) {
            String on = f.optional("on").name();
            if (!post.group().model().derivatives().containsKey(on)) {
                throw f.optional("on").error("'" + on + "' is not a state variable of " + post.group().name()
                        + "; its state variables: " + post.group().model().derivatives().keySet());
            }
            for (String key : List.of("synapse", "output")) {
                if (f.has(key)) {
                    throw f.optional(key).error("give either 'on' (spikes add to a variable) or a synapse with its output,"
                            + " not both");
                }
            }
            b.onVariable(on);
            weightUnit = postModel == null ? null : postModel.unit(on);
        } else {
            Synapse syn = f.has("synapse") ? synapse(f.optional("synapse")) : Synapse.delta();
            b.synapse(syn);
            if (syn instanceof Synapse.Delta) {
                if (f.has("output")) {
                    throw f.optional("output").error("a delta synapse adds to the membrane directly and has no output;"
                            + " remove 'output' or give a synapse with dynamics");
                }
                weightUnit = postModel == null ? null : postModel.unit(post.group().model().membrane());
            } else {
                if (post.group().model().current() == null) {
                    throw f.optional("synapse").error("the model of " + post.group().name() + " has no synaptic current"
                            + " symbol for a " + syn + " synapse to drive; declare one in its"
                            + " equations ('I_syn : volt', 'current: I_syn') or add spikes to a variable with 'on: VARIABLE'");
                }
                SynapticOutput out = f.has("output") ? output(f.optional("output")) : SynapticOutput.cuba();
                b.output(out);
                Unit<?> current = postModel == null || post.group().model().current() == null ? null
                        : postModel.unit(post.group().model().current());
                Unit<?> membrane = postModel == null ? null : postModel.unit(post.group().model().membrane());
                weightUnit = current == null ? null : out instanceof SynapticOutput.CUBA ? current
                        : membrane == null ? null : current.divide(membrane);
            }
        }
        if (b.hasWeights()) {
            // the connector's own weights, numbers in the model's units, are kept; a scalar would replace them
            if (f.has("weight")) {
                String connectorName = connectorNode.isMapping() ? connectorNode.mapping().get("name").text() : connectorNode.text();
                throw f.optional("weight").error("connector " + connectorName + " gives each synapse its own weight, which"
                        + " this scalar 'weight' would replace; remove 'weight' or use an unweighted connector");
            }
        } else {
            SpecNode w = f.required("weight");
            b.weight(weightUnit == null ? w.quantity(w.quantity().getUnit(), "a weight")
                    : w.quantity(weightUnit, "a weight onto " + post.name()));
        }
        if (f.has("delay")) {
            SpecNode d = f.optional("delay");
            double delay = d.time();
            double steps = delay / settings.dt();
            if (Math.abs(steps - Math.rint(steps)) > 1e-9 * Math.max(1, steps)) {
                throw d.error(ms(delay) + " ms is not a whole number of steps of dt = " + ms(settings.dt()) + " ms; use "
                        + ms(Math.floor(steps) * settings.dt()) + " ms or " + ms(Math.ceil(steps) * settings.dt()) + " ms");
            }
            wrap(d, () -> b.delay(delay));
        }
        Projection p = wrap(section, b::build);
        network.add(p);
    }

    private Connector connector(SpecNode node, int index) {
        String name;
        Map<String, Object> params = new LinkedHashMap<>();
        SpecNode at = node;
        if (node.isMapping()) {
            Map<String, SpecNode> entries = node.mapping();
            SpecNode n = entries.get("name");
            if (n == null) {
                throw node.error("the connector needs 'name:' (e.g. FixedProb; see brainj list) beside its parameters");
            }
            name = n.text();
            at = n;
            entries.forEach((k, v) -> {
                if (!k.equals("name")) {
                    params.put(k, v.plain());
                }
            });
        } else {
            name = node.text();
        }
        SpecNode where = at;
        ConnectorFactory factory = wrap(where, () -> catalog.connector(name));
        // random connectors draw from the run's seed unless given their own, so a run is reproducible
        if (!params.containsKey("seed") && factory.parameters().stream().anyMatch(p -> p.name().equals("seed"))) {
            params.put("seed", settings.seed() * 1_000_003L + index + 1);
        }
        return wrap(node, () -> factory.create(params));
    }

    /** {@code Exponential} or {@code {kind: Exponential, tau: 5 ms}}: the reference's synapses by name. */
    private static Synapse synapse(SpecNode node) {
        return role(node, Synapse.NAMES, "synapse", NamedSynapses.SYNAPSE_UNITS, NamedSynapses::synapse);
    }

    /** {@code CUBA} or {@code {kind: COBA, E: 0 mV}}: the reference's outputs by name. */
    private static SynapticOutput output(SpecNode node) {
        return role(node, SynapticOutput.NAMES, "output", NamedSynapses.OUTPUT_UNITS, NamedSynapses::output);
    }

    private static <T> T role(SpecNode node, List<String> names, String what, Map<String, String> units,
                              java.util.function.BiFunction<String, Map<String, Quantity<?>>, T> make) {
        Map<String, Quantity<?>> params = new LinkedHashMap<>();
        Map<String, SpecNode> at = new LinkedHashMap<>();
        SpecNode kindNode = node;
        if (node.isMapping()) {
            List<String> keys = new ArrayList<>(List.of("kind"));
            keys.addAll(units.keySet());
            SpecNode.Fields f = node.fields(keys.toArray(String[]::new));
            kindNode = f.required("kind");
            for (String key : units.keySet()) {
                if (f.has(key)) {
                    params.put(key, f.optional(key).quantity());
                    at.put(key, f.optional(key));
                }
            }
        }
        String kind = kindNode.text();
        if (!names.contains(kind)) {
            throw kindNode.error("unknown " + what + " '" + kind + "'; known: " + String.join(", ", names));
        }
        try {
            return wrap(node, () -> make.apply(kind, params));
        } catch (SpecException e) {
            if (e.getCause() instanceof ModelTextException m && m.key() != null && at.containsKey(m.key())) {
                throw new SpecException(at.get(m.key()).where(), m.problem(), m);
            }
            throw e;
        }
    }

    // ---- inputs and monitors ------------------------------------------------------------------------

    private void readMonitors(SpecNode node, Map<String, SpikeMonitor> spikes, List<SpecRun.State> states) {
        SpecNode.Fields f = node == null ? null : node.fields("spikes", "state");
        if (f == null || !f.has("spikes")) {
            populations.values().stream().filter(p -> p instanceof NeuronGroup)
                    .forEach(p -> spikes.put(p.name(), network.spikes(p)));
        } else {
            for (SpecNode s : f.optional("spikes").sequence()) {
                Population p = population(s, s.name());
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
        if (f == null || !f.has("state")) {
            return;
        }
        for (SpecNode s : f.optional("state").sequence()) {
            SpecNode.Fields m = s.fields("population", "synapses", "variable", "indices", "period");
            if (m.has("synapses")) {
                synapseStates.add(SynapseSpec.monitor(m, synapses, settings));
                continue;
            }
            SpecNode popNode = m.required("population");
            Population p = population(popNode);
            String variable = m.required("variable").name();
            int[] indices = m.has("indices") ? m.optional("indices").sequence().stream().mapToInt(i -> i.integer(0)).toArray() : null;
            if (indices != null && java.util.Arrays.stream(indices).distinct().count() < indices.length) {
                throw m.optional("indices").error("an index is listed twice; list each neuron once");
            }
            int every = period(m, settings);
            StateMonitor monitor = wrap(s, () -> network.monitor(p, variable, indices, every));
            CompiledNeuron model = equationModels.get(p.group());
            Unit<?> unit = model == null ? null : model.unit(variable);
            states.add(new SpecRun.State(popNode.text(), variable, monitor, unit == null ? null : Coherent.label(unit), indices));
        }
    }

    /** A time for messages, without the binary noise of multiples of dt. */
    public static String ms(double time) {
        return java.math.BigDecimal.valueOf(time).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** A monitor's {@code period:} in steps of dt (1 when absent), at most the run's length. */
    static int period(SpecNode.Fields m, RunSettings settings) {
        if (!m.has("period")) {
            return 1;
        }
        double steps = m.optional("period").time() / settings.dt();
        if (steps < 1 - 1e-9 || Math.abs(steps - Math.rint(steps)) > 1e-6 * steps) {
            throw m.optional("period").error("the period must be a whole number of steps of dt = " + settings.dt()
                    + " ms; give a multiple of dt, e.g. 1 ms");
        }
        if (steps > settings.steps()) {
            throw m.optional("period").error("the period is longer than the run (" + settings.duration()
                    + " ms), so nothing would be recorded; give a period of at most the run's duration");
        }
        return (int) Math.rint(steps);
    }

    /** Runs {@code f}; a runtime or catalog error becomes a spec error at {@code at}. */
    static <T> T wrap(SpecNode at, Supplier<T> f) {
        try {
            return f.get();
        } catch (SpecException e) {
            throw e;
        } catch (BrainJException e) {
            throw new SpecException(at.where(), e.getMessage(), e);
        }
    }
}
