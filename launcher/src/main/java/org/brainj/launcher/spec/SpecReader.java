package org.brainj.launcher.spec;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.measure.Quantity;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Source;
import org.brainj.api.model.InputKinds;
import org.brainj.api.sim.Synapses;
import org.brainj.api.sim.WholeSteps;
import org.brainj.launcher.spec.NetworkSpec.Connector;
import org.brainj.launcher.spec.NetworkSpec.EquationSynapse;
import org.brainj.launcher.spec.NetworkSpec.LibraryOutput;
import org.brainj.launcher.spec.NetworkSpec.LibrarySynapseModel;
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.ModelText;
import org.brainj.launcher.spec.NetworkSpec.Monitors;
import org.brainj.launcher.spec.NetworkSpec.Neurons;
import org.brainj.launcher.spec.NetworkSpec.PlotEntry;
import org.brainj.launcher.spec.NetworkSpec.Poisson;
import org.brainj.launcher.spec.NetworkSpec.PopulationSpec;
import org.brainj.launcher.spec.NetworkSpec.ProjectionSpec;
import org.brainj.launcher.spec.NetworkSpec.StateMonitor;
import org.brainj.launcher.spec.NetworkSpec.Stimulus;
import org.brainj.launcher.spec.NetworkSpec.SynapseModel;
import org.brainj.launcher.spec.NetworkSpec.View;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a spec file (YAML, or JSON, which YAML reads too) into a {@link NetworkSpec}: the one
 * place that knows YAML and the spec's key sets (the schema in the README). It checks the shape
 * of what is written (keys, names, numbers, quantities, lists); what a value means for a model,
 * a connector or a backend is the {@link SpecAssembler}'s to check.
 */
final class SpecReader {
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    /** The keys a population of neurons takes besides {@code size}, {@code model} and {@code equations}. */
    private static final List<String> TEXT_KEYS = List.of("threshold", "threshold_crossing", "reset", "refractory",
            "current", "inputs", "membrane");

    private final RunSettings settings;

    private SpecReader(RunSettings settings) {
        this.settings = settings;
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

    /**
     * The network of a spec's tree.
     *
     * @param fileName the name when the spec gives none
     * @param folder   the spec's folder
     */
    static NetworkSpec read(SpecNode root, String fileName, RunSettings.Overrides overrides, Path folder) {
        // 'sweep' is read by SweepSpec (brainj sweep); a plain run runs the spec's own values
        SpecNode.Fields top = root.fields("name", "description", "run", "populations", "views", "projections", "inputs",
                "monitors", "plots", "sweep");
        String name = top.has("name") ? top.optional("name").name() : fileName;
        RunSettings settings = RunSettings.read(top.optional("run"), overrides, root.where());
        Where backendAt = overrides.backend() != null ? null : top.has("run") ? top.optional("run").where() : root.where();
        SpecReader reader = new SpecReader(settings);
        SpecNode pops = top.required("populations");
        if (pops.mapping().isEmpty()) {
            throw pops.error("no populations; add at least one");
        }
        List<PopulationSpec> populations = new ArrayList<>();
        pops.mapping().forEach((n, section) -> populations.add(population(n, section, folder)));
        Set<String> names = new LinkedHashSet<>(pops.mapping().keySet());
        List<View> views = new ArrayList<>();
        if (top.has("views")) {
            top.optional("views").mapping().forEach((n, v) -> {
                if (names.contains(n)) {
                    throw v.error("'" + n + "' names a population already; give the view another name");
                }
                views.add(new View(n, text(v)));
            });
        }
        List<ProjectionSpec> projections = new ArrayList<>();
        if (top.has("projections")) {
            top.optional("projections").mapping().forEach((n, section) -> projections.add(reader.projection(n, section,
                    projections.size())));
        }
        List<Stimulus> inputs = top.has("inputs") ? top.optional("inputs").sequence().stream().map(SpecReader::stimulus).toList()
                : List.of();
        return new NetworkSpec(name, root.where(), settings, backendAt, folder, populations, views, projections, inputs,
                reader.monitors(top.optional("monitors")), plots(top.optional("plots"), settings.duration()));
    }

    // ---- populations ------------------------------------------------------------------------------

    static PopulationSpec population(String name, SpecNode section, Path folder) {
        if (!name.matches(NAME)) {
            throw section.error("'" + name + "' is not a name; use letters, digits and '_'");
        }
        if (section.isMapping() && section.mapping().containsKey("generator")) {
            return GeneratorSpec.read(name, section, folder);
        }
        SpecNode.Fields f = section.fields("size", "model", "equations", "method", "threshold", "reset", "refractory",
                "threshold_crossing", "current", "inputs", "membrane", "parameters", "initial", "poisson_input", "sums");
        int[] geometry = geometry(f.required("size"));
        boolean byName = f.has("model");
        if (byName == f.has("equations")) {
            throw section.error(byName ? "give either 'model' or 'equations', not both"
                    : "no model; give 'model: NAME' (a registered model, see brainj list) or 'equations:'");
        }
        Located<String> model = byName ? text(f.optional("model")) : null;
        ModelText equations = byName ? null : modelText(f);
        List<Located<String>> textKeys = byName
                ? TEXT_KEYS.stream().filter(f::has).map(k -> new Located<>(k, f.optional(k).where())).toList() : List.of();
        Map<String, SpecValue> parameters = f.values("parameters");
        Where parametersAt = f.has("parameters") ? f.optional("parameters").where() : null;
        List<Poisson> poisson = new ArrayList<>();
        if (f.has("poisson_input")) {
            SpecNode node = f.optional("poisson_input");
            for (SpecNode item : node.isSequence() ? node.sequence() : List.of(node)) {
                SpecNode.Fields p = item.fields(InputKinds.named("poisson_input").keys().toArray(String[]::new));
                poisson.add(new Poisson(quantity(p.required("rate")), quantity(p.required("weight"))));
            }
        }
        Map<String, Located<String>> sums = new LinkedHashMap<>();
        if (f.has("sums")) {
            f.optional("sums").mapping().forEach((target, variable) ->
                    sums.put(target, new Located<>(variable.name(), variable.where())));
        }
        return new Neurons(name, section.where(), geometry, model, equations, textKeys,
                f.has("method") ? text(f.optional("method")) : null, parameters, parametersAt, f.values("initial"), poisson,
                f.has("poisson_input") ? f.optional("poisson_input").where() : null, sums);
    }

    /** The texts of a section that has {@code equations}, with their places. */
    private static ModelText modelText(SpecNode.Fields f) {
        SpecNode eq = f.required("equations");
        Located<Source> equations = new Located<>(eq.source(), eq.where());
        if (f.has("threshold_crossing") && f.has("threshold")) {
            throw f.optional("threshold_crossing").error("give either 'threshold' (a spike while the condition holds) or"
                    + " 'threshold_crossing' (a spike when it becomes true), not both");
        }
        List<String> inputs = f.has("inputs") ? f.optional("inputs").sequence().stream().map(SpecNode::name).toList() : List.of();
        return new ModelText(f.owner().where(), equations, source(f, "threshold"), source(f, "threshold_crossing"),
                source(f, "reset"), source(f, "refractory"), name(f, "current"), inputs, name(f, "membrane"),
                f.values("parameters"), f.places());
    }

    private static Located<String> name(SpecNode.Fields f, String key) {
        return f.has(key) ? new Located<>(f.optional(key).name(), f.optional(key).where()) : null;
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

    // ---- projections ------------------------------------------------------------------------------

    private ProjectionSpec projection(String name, SpecNode section, int index) {
        SpecNode.Fields f = section.fields("pre", "post", "connector", "weight", "delay", "on", "synapse", "output",
                "initial");
        Located<String> pre = text(f.required("pre"));
        Located<String> post = text(f.required("post"));
        Connector connector = connector(f.required("connector"));
        SynapseModel model = synapseModel(f.optional("synapse"));
        Located<String> on = f.has("on") ? new Located<>(f.optional("on").name(), f.optional("on").where()) : null;
        if (model instanceof LibrarySynapseModel m && f.has("output")) {
            model = new LibrarySynapseModel(m.where(), m.model(), m.parameters(), m.parametersAt(), m.delay(),
                    libraryOutput(f.optional("output")));
        }
        if (model == null && f.has("output")) {
            throw f.optional("output").error("an output shapes the current of a synapse with dynamics; give one beside"
                    + " it, e.g. 'synapse: Exponential', or remove 'output'");
        }
        Map<String, Where> besides = new LinkedHashMap<>();
        for (String key : List.of("weight", "on", "output", "delay")) {
            if (model != null && f.given(key) != null) { // given even without a value, which is then refused
                besides.put(key, f.given(key).where());
            }
        }
        Located<Double> delay = f.has("delay") ? new Located<>(f.optional("delay").time(), f.optional("delay").where()) : null;
        return new ProjectionSpec(name, section.where(), index, pre, post, connector, on,
                f.given("weight") == null ? null : f.given("weight").value(), delay,
                f.has("initial") ? f.optional("initial").where() : null, model, f.values("initial"), besides);
    }

    /**
     * A {@code synapse:} written as a model: a name of the synapse library ({@code Exponential},
     * {@code STDP}), the same with its parameters beside ({@code {kind: Exponential, tau: 5 ms}})
     * or under {@code parameters:} ({@code {model: STDP, parameters: {...}}}), or an equation block
     * with Brian2's keys; null for none.
     */
    private static SynapseModel synapseModel(SpecNode node) {
        if (node == null) {
            return null;
        }
        if (node.isSequence()) {
            throw node.error("a synapse is a library model's name (e.g. Exponential; see brainj list), {kind: NAME,"
                    + " parameters...} or an equation block; not a list");
        }
        if (!node.isMapping()) {
            return new LibrarySynapseModel(node.where(), text(node), Map.of(), null, null, null);
        }
        Map<String, SpecNode> keys = node.mapping();
        if (keys.containsKey("kind")) {
            Map<String, SpecValue> given = new LinkedHashMap<>();
            keys.forEach((k, v) -> given.put(k, v.value()));
            given.remove("kind");
            return new LibrarySynapseModel(node.where(), text(keys.get("kind")), given, node.where(), null, null);
        }
        SpecNode model = keys.get("model");
        boolean equations = keys.containsKey("on_pre") || keys.containsKey("on_post");
        if (model != null && !equations && !model.isMapping() && !model.isSequence()
                && model.text().matches("[A-Za-z_][A-Za-z0-9_]*")) {
            SpecNode.Fields s = node.fields("model", "parameters", "delay");
            return new LibrarySynapseModel(node.where(), text(model), s.values("parameters"),
                    s.has("parameters") ? s.optional("parameters").where() : null,
                    s.has("delay") ? s.optional("delay").value() : null, null);
        }
        if (model == null && !equations) {
            throw node.error("a synapse is a library model's name, {kind: NAME, parameters...} (e.g. {kind: Exponential,"
                    + " tau: 5 ms}), {model: NAME, parameters: {...}}, or equations with on_pre; give 'kind' or 'model'");
        }
        SpecNode.Fields s = node.fields("model", "on_pre", "on_post", "parameters", "delay", "method");
        Map<Synapses.Pathway, SpecValue> delays = new EnumMap<>(Synapses.Pathway.class);
        if (s.has("delay")) {
            SpecNode d = s.optional("delay");
            if (!d.isMapping()) {
                delays.put(Synapses.Pathway.PRE, d.value());
            } else {
                SpecNode.Fields both = d.fields("pre", "post");
                if (both.has("pre")) {
                    delays.put(Synapses.Pathway.PRE, both.optional("pre").value());
                }
                if (both.has("post")) {
                    delays.put(Synapses.Pathway.POST, both.optional("post").value());
                }
            }
        }
        return new EquationSynapse(node.where(), source(s, "model"), source(s, "on_pre"), source(s, "on_post"),
                s.values("parameters"), s.has("method") ? text(s.optional("method")) : null, delays, s.places());
    }

    private static Located<Source> source(SpecNode.Fields f, String key) {
        return f.has(key) ? new Located<>(f.optional(key).source(), f.optional(key).where()) : null;
    }

    private static Connector connector(SpecNode node) {
        if (!node.isMapping()) {
            return new Connector(text(node), Map.of(), node.where());
        }
        Map<String, SpecNode> entries = node.mapping();
        SpecNode n = entries.get("name");
        if (n == null) {
            throw node.error("the connector needs 'name:' (e.g. FixedProb; see brainj list) beside its parameters");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (!k.equals("name")) {
                params.put(k, v.plain());
            }
        });
        return new Connector(text(n), params, node.where());
    }

    /** {@code COBA} or {@code {kind: COBA, E: -80 mV}}: an output of the library, its parameters checked once it is found. */
    private static LibraryOutput libraryOutput(SpecNode node) {
        if (!node.isMapping()) {
            return new LibraryOutput(text(node), Map.of(), node.where());
        }
        Map<String, SpecValue> given = new LinkedHashMap<>();
        node.mapping().forEach((k, v) -> given.put(k, v.value()));
        if (given.remove("kind") == null) {
            throw node.error("an output is a name or {kind: NAME, parameters...}, e.g. {kind: COBA, E: 0 mV}; give 'kind'");
        }
        return new LibraryOutput(text(node.mapping().get("kind")), given, node.where());
    }

    // ---- inputs -----------------------------------------------------------------------------------

    /** One {@code inputs:} entry: its keys checked against its type's, its target split into population and variable. */
    private static Stimulus stimulus(SpecNode node) {
        Map<String, SpecNode> entries = node.mapping();
        SpecNode typeNode = entries.get("type");
        if (typeNode != null && !InputSpec.TYPES.containsKey(typeNode.text())) {
            throw typeNode.error("unknown input type '" + typeNode.text() + "'; known: " + String.join(", ",
                    InputSpec.TYPES.keySet()) + " (or no type and a constant 'value:')");
        }
        SpecNode.Fields f = node.fields(InputSpec.keys(typeNode == null ? null : typeNode.text()).toArray(String[]::new));
        Located<String> population;
        Located<String> variable;
        if (f.has("target")) {
            for (String key : List.of("population", "variable")) {
                if (f.has(key)) {
                    throw f.optional(key).error("give either 'target: POPULATION.VARIABLE' or 'population' and"
                            + " 'variable', not both");
                }
            }
            SpecNode t = f.optional("target");
            int dot = t.text().lastIndexOf('.');
            if (dot <= 0 || dot == t.text().length() - 1) {
                throw t.error("'" + t.text() + "' is not a target; write POPULATION.VARIABLE, e.g. E.I_ext");
            }
            population = new Located<>(t.text().substring(0, dot), t.where());
            variable = new Located<>(t.text().substring(dot + 1), t.where());
        } else {
            population = text(f.required("population"));
            variable = new Located<>(f.required("variable").name(), f.required("variable").where());
        }
        Map<String, SpecValue> values = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (!InputSpec.FIXED_KEYS.contains(k)) {
                values.put(k, v.value());
            }
        });
        return new Stimulus(node.where(), typeNode == null ? null : text(typeNode), population, variable,
                f.has("op") ? text(f.optional("op")) : null, values);
    }

    // ---- monitors ---------------------------------------------------------------------------------

    private Monitors monitors(SpecNode node) {
        SpecNode.Fields f = node == null ? null : node.fields("spikes", "state");
        List<Located<String>> spikes = f == null || !f.has("spikes") ? null
                : f.optional("spikes").sequence().stream().map(s -> new Located<>(s.name(), s.where())).toList();
        List<StateMonitor> states = new ArrayList<>();
        if (f != null && f.has("state")) {
            for (SpecNode s : f.optional("state").sequence()) {
                SpecNode.Fields m = s.fields("population", "synapses", "variable", "indices", "period");
                boolean ofSynapses = m.has("synapses");
                if (ofSynapses && m.has("population")) {
                    throw m.optional("population").error("a state monitor records either a population or synapses;"
                            + " remove one");
                }
                Located<String> population = ofSynapses ? null : text(m.required("population"));
                Located<String> synapses = ofSynapses ? new Located<>(m.optional("synapses").name(),
                        m.optional("synapses").where()) : null;
                Located<String> variable = new Located<>(m.required("variable").name(), m.required("variable").where());
                int[] indices = m.has("indices") ? m.optional("indices").sequence().stream().mapToInt(i -> i.integer(0)).toArray() : null;
                if (!ofSynapses && indices != null && java.util.Arrays.stream(indices).distinct().count() < indices.length) {
                    throw m.optional("indices").error("an index is listed twice; list each neuron once");
                }
                states.add(new StateMonitor(s.where(), population, synapses, variable, indices, period(m, settings)));
            }
        }
        return new Monitors(spikes, states);
    }

    /** A monitor's {@code period:} in steps of dt (1 when absent), at most the run's length. */
    private static int period(SpecNode.Fields m, RunSettings settings) {
        if (!m.has("period")) {
            return 1;
        }
        double period = m.optional("period").time();
        if (!WholeSteps.isWhole(period, settings.dt()) || WholeSteps.count(period, settings.dt()) < 1) {
            throw m.optional("period").error("the period must be a whole number of steps of dt = " + settings.dt()
                    + " ms; give a multiple of dt, e.g. 1 ms");
        }
        long steps = WholeSteps.count(period, settings.dt());
        if (steps > settings.steps()) {
            throw m.optional("period").error("the period is longer than the run (" + settings.duration()
                    + " ms), so nothing would be recorded; give a period of at most the run's duration");
        }
        return (int) steps;
    }

    // ---- plots ------------------------------------------------------------------------------------

    /** The {@code plots:} entries (none when absent), each window inside a run of {@code duration} ms. */
    private static List<PlotEntry> plots(SpecNode section, double duration) {
        List<PlotEntry> plots = new ArrayList<>();
        if (section == null) {
            return plots;
        }
        Map<String, Integer> ofType = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (SpecNode item : section.sequence()) {
            SpecNode typeNode = item.mapping().get("type");
            if (typeNode == null || !PlotSpec.TYPES.contains(typeNode.text())) {
                throw (typeNode == null ? item : typeNode).error((typeNode == null ? "no type" : "unknown plot type '"
                        + typeNode.text() + "'") + "; give 'type:' one of " + String.join(", ", PlotSpec.TYPES));
            }
            String type = typeNode.text();
            SpecNode.Fields f = item.fields(PlotSpec.keys(type).toArray(String[]::new));
            int k = ofType.merge(type, 1, Integer::sum);
            String name = f.has("name") ? f.optional("name").name() : k == 1 ? type : type + "_" + k;
            if (!names.add(name)) {
                throw (f.has("name") ? f.optional("name") : item).error("a second plot named '" + name + "'; give each plot"
                        + " its own 'name:'");
            }
            double from = f.has("from") ? f.optional("from").time() : 0;
            double to = f.has("to") ? f.optional("to").time() : Double.POSITIVE_INFINITY;
            if (from < 0) {
                throw f.optional("from").error("the window starts before the run, at " + SpecLoader.ms(from) + " ms; give from >= 0");
            }
            if (from >= duration) {
                throw f.optional("from").error("the window starts at " + SpecLoader.ms(from) + " ms, when the run has ended ("
                        + SpecLoader.ms(duration) + " ms); give a from before that");
            }
            if (!(to > from)) {
                throw f.optional("to").error("the window " + SpecLoader.ms(from) + " ms to " + SpecLoader.ms(to)
                        + " ms is empty; give from < to");
            }
            double bin = 0;
            if (type.equals("rate")) {
                SpecNode binNode = f.required("bin");
                bin = binNode.time();
                if (!(bin > 0)) {
                    throw binNode.error("a bin of " + SpecLoader.ms(bin) + " ms; give a positive time, e.g. bin: 5 ms");
                }
            }
            List<Located<String>> populations = null;
            if (!type.equals("lines")) {
                SpecNode list = f.required("populations");
                populations = list.sequence().stream().map(SpecReader::text).toList();
                if (populations.isEmpty()) {
                    throw list.error("no populations; list at least one, e.g. populations: [E]");
                }
            }
            Located<String> monitor = type.equals("lines") ? text(f.required("monitor")) : null;
            List<Located<Integer>> neurons = f.has("neurons") ? f.optional("neurons").sequence().stream()
                    .map(n -> new Located<>(n.integer(0), n.where())).toList() : null;
            plots.add(new PlotEntry(item.where(), type, name, populations, monitor, neurons, bin, from, to));
        }
        return plots;
    }

    // ---- values -----------------------------------------------------------------------------------

    static Located<String> text(SpecNode node) {
        return new Located<>(node.text(), node.where());
    }

    private static Located<Quantity<?>> quantity(SpecNode node) {
        return new Located<>(node.quantity(), node.where());
    }
}
