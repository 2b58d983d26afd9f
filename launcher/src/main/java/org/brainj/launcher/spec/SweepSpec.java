package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.units.Coherent;

/**
 * A spec's {@code sweep:} section: the points a {@code brainj sweep} runs on the network the rest
 * of the spec builds (once), and the measures it tabulates per point.
 *
 * <pre>
 * sweep:
 *   grid:                          # every combination, the first key outermost ...
 *     populations.HH.parameters.g_max: [0.0005, 0.001, 0.0015]
 *     populations.HH.initial.V: [-65, "uniform(-70, -50)"]
 *   # ... or points: a list of mappings, each with the same keys
 *   repeat: 3                      # runs of each point, each with its own seed
 *   measures:
 *     - {name: cross_correlation, population: HH, bin: 0.5 ms}
 * </pre>
 *
 * What a sweep may vary: a population's parameter ({@code populations.P.parameters.NAME}, in the
 * units the spec uses for it), a state variable's initial value ({@code populations.P.initial.VAR}:
 * a constant, {@code normal(..)} or {@code uniform(..)}), a value of an input
 * ({@code inputs.K.KEY}: entry K of {@code inputs:}, from 0, e.g. {@code inputs.0.value} or
 * {@code inputs.1.amplitude}, written as in the entry) and the seed ({@code run.seed}). All are
 * values of the built network: the kernels stay compiled.
 *
 * <p><b>Seeds.</b> Point {@code k} (counted from 0 over the grid and its repeats) runs with seed
 * {@code run.seed + k}, so no two runs replay each other's draws and point 0 is the spec's own run.
 * A sweep over {@code run.seed} runs each seed given, and then takes no {@code repeat}. Connectors
 * draw the connectivity once, from the spec's seed (or their own), for every point: a point is the
 * run {@code brainj run SPEC --seed S} with the point's values, where the connectors have seeds of
 * their own or draw nothing at random.
 */
public final class SweepSpec {
    /** The key that names the seed. */
    public static final String SEED = "run.seed";

    /** One value a point gives the network. */
    public sealed interface Setting permits Parameter, Initial, InputValues {
        void apply(SpecRun run);
    }

    /** A scalar parameter of a population, in the model's units. */
    public record Parameter(String population, String name, double value) implements Setting {
        @Override
        public void apply(SpecRun run) {
            run.group(population).set(name, value);
        }
    }

    /** A state variable's initial value, drawn at the point's reset. */
    public record Initial(String population, String variable, Initializer value) implements Setting {
        @Override
        public void apply(SpecRun run) {
            run.group(population).init(variable, value);
        }
    }

    /** The values of the spec's input {@code index} (its entry of {@code inputs:}) read with the point's value. */
    public record InputValues(int index, Input values) implements Setting {
        @Override
        public void apply(SpecRun run) {
            run.inputs().get(index).input().assign(values);
        }
    }

    /**
     * A run of the sweep.
     *
     * @param index    its place, from 0, which names its folder
     * @param repeat   which repeat of its values, from 0
     * @param seed     the seed it runs with
     * @param values   the swept keys with the values as written (the table's columns)
     * @param settings what it gives the network
     */
    public record Point(int index, int repeat, long seed, Map<String, String> values, List<Setting> settings) {
        /** The folder name of its outputs. */
        public String folder() {
            return String.format(java.util.Locale.ROOT, "point-%04d", index);
        }

        /** Gives the network this point's values and resets it onto the point's seed: the kernels stay. */
        public void apply(SpecRun run) {
            settings.forEach(s -> s.apply(run));
            run.network().reset(seed);
        }
    }

    /** A measure of one population's spikes per point, with its parameters (times in ms); its column is {@code P.name}. */
    public record Measure(String name, String population, Map<String, Double> parameters) {
        public String column() {
            return population + "." + name;
        }
    }

    private final List<Point> points;
    private final List<Measure> measures;
    private final RunSettings settings;

    private SweepSpec(List<Point> points, List<Measure> measures, RunSettings settings) {
        this.points = List.copyOf(points);
        this.measures = List.copyOf(measures);
        this.settings = settings;
    }

    /** How every point runs (duration, dt, ...): the spec's settings with the command line's. */
    public RunSettings settings() {
        return settings;
    }

    public List<Point> points() {
        return points;
    }

    public List<Measure> measures() {
        return measures;
    }

    /** The swept keys, in order: the table's value columns. */
    public List<String> keys() {
        return points.isEmpty() ? List.of() : List.copyOf(points.get(0).values().keySet());
    }

    /**
     * Reads the {@code sweep:} section of {@code file} for {@code base}, the network its other
     * sections built: every value is converted and checked here, before any point runs.
     */
    public static SweepSpec read(Path file, String shownAs, SpecRun base, Catalog catalog, SpikeMeasures available) {
        SpecNode root = SpecLoader.parse(file, shownAs);
        SpecNode sweep = root.mapping().get("sweep");
        if (sweep == null) {
            throw root.error("no 'sweep:' section; add one, e.g. sweep: {grid: {populations.P.parameters.tau: [10 ms, 20 ms]}}");
        }
        return new Reader(root, base, catalog).read(sweep, available);
    }

    /** Turns the section's text into settings, with the units of each population's model. */
    private static final class Reader {
        private final SpecNode root;
        private final SpecRun base;
        private final Catalog catalog;

        Reader(SpecNode root, SpecRun base, Catalog catalog) {
            this.root = root;
            this.base = base;
            this.catalog = catalog;
        }

        SweepSpec read(SpecNode sweep, SpikeMeasures available) {
            SpecNode.Fields f = sweep.fields("grid", "points", "repeat", "measures");
            if (f.has("grid") == f.has("points")) {
                throw sweep.error(f.has("grid") ? "give either 'grid' or 'points', not both"
                        : "nothing to sweep; give 'grid: {KEY: [values]}' or 'points: [{KEY: value}, ...]'");
            }
            List<Map<String, SpecNode>> rows = f.has("grid") ? grid(f.optional("grid")) : listed(f.optional("points"));
            int repeat = f.has("repeat") ? f.optional("repeat").integer(1) : 1;
            boolean seeds = rows.get(0).containsKey(SEED);
            if (seeds && repeat > 1) {
                throw f.optional("repeat").error("the sweep gives the seeds ('" + SEED + "'): each is a repeat; remove"
                        + " 'repeat' or the '" + SEED + "' key");
            }
            List<Point> points = new ArrayList<>();
            for (Map<String, SpecNode> row : rows) {
                List<Setting> settings = new ArrayList<>();
                Map<String, String> values = new LinkedHashMap<>();
                row.forEach((key, value) -> {
                    values.put(key, value.text());
                    if (!key.equals(SEED)) {
                        settings.add(setting(key, value));
                    }
                });
                for (int r = 0; r < repeat; r++) {
                    int index = points.size();
                    long seed = seeds ? row.get(SEED).integer() : base.settings().seed() + index;
                    points.add(new Point(index, r, seed, values, settings));
                }
            }
            List<Measure> measures = new ArrayList<>();
            if (f.has("measures")) {
                for (SpecNode m : f.optional("measures").sequence()) {
                    measures.add(measure(m, available));
                }
            }
            return new SweepSpec(points, measures, base.settings());
        }

        /** Every combination of the grid's values, the first key outermost. */
        private static List<Map<String, SpecNode>> grid(SpecNode grid) {
            List<Map<String, SpecNode>> rows = new ArrayList<>();
            rows.add(new LinkedHashMap<>());
            if (grid.mapping().isEmpty()) {
                throw grid.error("the grid is empty; give at least one KEY: [values]");
            }
            grid.mapping().forEach((key, list) -> {
                if (!list.isSequence() || list.sequence().isEmpty()) {
                    throw list.error("give the values of '" + key + "' as a list, e.g. [1, 2, 3]");
                }
                List<Map<String, SpecNode>> next = new ArrayList<>();
                for (Map<String, SpecNode> row : rows) {
                    for (SpecNode v : list.sequence()) {
                        Map<String, SpecNode> longer = new LinkedHashMap<>(row);
                        longer.put(key, v);
                        next.add(longer);
                    }
                }
                rows.clear();
                rows.addAll(next);
            });
            return rows;
        }

        /** Listed points: a table, so every point names the same keys. */
        private static List<Map<String, SpecNode>> listed(SpecNode list) {
            List<Map<String, SpecNode>> rows = new ArrayList<>();
            for (SpecNode p : list.sequence()) {
                Map<String, SpecNode> row = p.mapping();
                if (!rows.isEmpty() && !row.keySet().equals(rows.get(0).keySet())) {
                    throw p.error("this point gives " + row.keySet() + " but the first gives " + rows.get(0).keySet()
                            + "; give every point the same keys");
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw list.error("no points; give at least one, e.g. - {populations.P.parameters.tau: 10 ms}");
            }
            return rows;
        }

        private Setting setting(String key, SpecNode value) {
            String[] parts = key.split("\\.");
            if (parts[0].equals("inputs")) {
                return input(key, parts, value);
            }
            boolean populationKey = parts.length == 4 && parts[0].equals("populations")
                    && (parts[2].equals("parameters") || parts[2].equals("initial"));
            if (!populationKey) {
                throw value.error("cannot sweep '" + key + "'; sweep populations.P.parameters.NAME, populations.P.initial.VAR,"
                        + " inputs.K.KEY or " + SEED);
            }
            String population = parts[1];
            SpecNode section = root.mapping().get("populations").mapping().get(population);
            if (section == null || !(base.populations().get(population) instanceof NeuronGroup group)) {
                throw value.error("'" + key + "': no population '" + population + "'; known: "
                        + String.join(", ", root.mapping().get("populations").mapping().keySet()));
            }
            Map<String, SpecNode> fields = section.mapping();
            CompiledNeuron equations = fields.containsKey("equations")
                    ? EquationModel.read(population, section.fields(fields.keySet().toArray(String[]::new))) : null;
            String name = parts[3];
            if (parts[2].equals("initial")) {
                if (!group.model().derivatives().containsKey(name)) {
                    throw value.error("'" + key + "': " + name + " is not a state variable of " + population + "; its state"
                            + " variables: " + group.model().derivatives().keySet());
                }
                Unit<?> unit = equations == null ? null : equations.unit(name);
                return new Initial(population, name, SpecLoader.initializer(value, unit, "the initial value of " + name));
            }
            if (!group.model().parameters().containsKey(name)) {
                throw value.error("'" + key + "': " + name + " is not a parameter of " + population + "; its parameters: "
                        + group.model().parameters().keySet());
            }
            String what = "parameter " + name + " of " + population;
            if (equations != null) {
                Unit<?> unit = equations.unit(name);
                return new Parameter(population, name, unit == null ? Coherent.value(value.quantity()) : value.quantity(unit, what));
            }
            ParamSpec spec = catalog.model(fields.get("model").text()).parameters().stream()
                    .filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> value.error("'" + key + "': model " + fields.get("model").text() + " does not take "
                            + name + " from a spec; sweep one of the parameters 'brainj list' shows"));
            return new Parameter(population, name, SpecLoader.inUnit(value, spec.unit(), what));
        }

        /**
         * {@code inputs.K.KEY}: entry K (from 0) of {@code inputs:} read again with the value for
         * KEY, one of the keys it gives (not its type, target or operation, which would make
         * another input), and checked as the spec's own entries are.
         */
        private Setting input(String key, String[] parts, SpecNode value) {
            List<SpecRun.InputEntry> inputs = base.inputs();
            String entries = inputs.isEmpty() ? "the spec has no inputs" : "its inputs are " + java.util.stream.IntStream
                    .range(0, inputs.size()).mapToObj(k -> k + ": " + inputs.get(k).input().name()).toList();
            if (parts.length != 3 || !parts[1].matches("\\d+") || Integer.parseInt(parts[1]) >= inputs.size()) {
                throw value.error("cannot sweep '" + key + "'; write inputs.K.KEY, K the entry's place in 'inputs:' from 0"
                        + " (" + entries + ")");
            }
            SpecRun.InputEntry entry = inputs.get(Integer.parseInt(parts[1]));
            List<String> values = List.copyOf(entry.written().values().keySet());
            if (!values.contains(parts[2])) {
                throw value.error("cannot sweep '" + key + "': input " + parts[1] + " (" + entry.input().name() + ") gives "
                        + (values.isEmpty() ? "no values" : "the values " + values) + "; sweep one of those");
            }
            return new InputValues(Integer.parseInt(parts[1]), entry.reader().apply(entry.written().with(parts[2], value.value())));
        }

        private Measure measure(SpecNode node, SpikeMeasures available) {
            Map<String, SpecNode> fields = node.mapping();
            SpecNode.Fields f = node.fields(fields.keySet().toArray(String[]::new));
            String name = f.required("name").text();
            List<String> parameters = available.names().get(name);
            if (parameters == null) {
                throw f.required("name").error("unknown measure '" + name + "'; known: " + String.join(", ", available.names().keySet()));
            }
            SpecNode population = f.required("population");
            if (!base.spikes().containsKey(population.text())) {
                throw population.error("the spikes of '" + population.text() + "' are not monitored; name one of "
                        + base.spikes().keySet() + " (monitors.spikes)");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, SpecNode> e : fields.entrySet()) {
                if (e.getKey().equals("name") || e.getKey().equals("population")) {
                    continue;
                }
                if (!parameters.contains(e.getKey())) {
                    throw e.getValue().error("measure " + name + " takes no '" + e.getKey() + "'; its parameters: " + parameters);
                }
                values.put(e.getKey(), e.getValue().time());
            }
            for (String p : parameters) {
                if (!values.containsKey(p)) {
                    throw node.error("measure " + name + " needs '" + p + "', a time, e.g. " + p + ": 0.5 ms");
                }
            }
            return new Measure(name, population.text(), values);
        }
    }
}
