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
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.SweepSection;

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
        SweepSection section = SweepReader.read(SpecReader.parse(file, shownAs), file.toAbsolutePath().getParent());
        return new Reader(section, base, catalog).read(available);
    }

    /** Turns the section's values into settings, with the units of each population's model. */
    private static final class Reader {
        private final SweepSection section;
        private final SpecRun base;
        private final Catalog catalog;

        Reader(SweepSection section, SpecRun base, Catalog catalog) {
            this.section = section;
            this.base = base;
            this.catalog = catalog;
        }

        SweepSpec read(SpikeMeasures available) {
            int repeat = section.repeat() == null ? 1 : section.repeat().value();
            List<Point> points = new ArrayList<>();
            for (Map<String, SpecValue> row : section.rows()) {
                List<Setting> settings = new ArrayList<>();
                Map<String, String> values = new LinkedHashMap<>();
                row.forEach((key, value) -> {
                    values.put(key, value.scalar().text());
                    if (!key.equals(SEED)) {
                        settings.add(setting(key, value));
                    }
                });
                for (int r = 0; r < repeat; r++) {
                    int index = points.size();
                    long seed = row.containsKey(SEED) ? row.get(SEED).scalar().integer() : base.settings().seed() + index;
                    points.add(new Point(index, r, seed, values, settings));
                }
            }
            List<Measure> measures = new ArrayList<>();
            for (NetworkSpec.MeasureEntry m : section.measures()) {
                measures.add(measure(m, available));
            }
            return new SweepSpec(points, measures, base.settings());
        }

        private Setting setting(String key, SpecValue value) {
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
            NetworkSpec.PopulationSpec given = section.populations().get(population);
            if (given == null || !(base.populations().get(population) instanceof NeuronGroup group)) {
                throw value.error("'" + key + "': no population '" + population + "'; known: "
                        + String.join(", ", section.populations().keySet()));
            }
            if (!(given instanceof NetworkSpec.Neurons written)) {
                throw value.error("'" + key + "': " + population + " is a generator, which has no parameters or state to"
                        + " sweep; sweep a population of neurons");
            }
            CompiledNeuron equations = written.equations() != null ? EquationModel.compile(population, written.equations())
                    : null;
            String name = parts[3];
            if (parts[2].equals("initial")) {
                if (!group.model().derivatives().containsKey(name)) {
                    throw value.error("'" + key + "': " + name + " is not a state variable of " + population + "; its state"
                            + " variables: " + group.model().derivatives().keySet());
                }
                Unit<?> unit = equations == null ? null : equations.unit(name);
                return new Initial(population, name, SpecAssembler.initializer(value.scalar(), unit,
                        "the initial value of " + name));
            }
            if (!group.model().parameters().containsKey(name)) {
                throw value.error("'" + key + "': " + name + " is not a parameter of " + population + "; its parameters: "
                        + group.model().parameters().keySet());
            }
            String what = "parameter " + name + " of " + population;
            if (equations != null) {
                Unit<?> unit = equations.unit(name);
                return new Parameter(population, name, unit == null ? Coherent.value(value.scalar().quantity())
                        : value.scalar().quantity(unit, what));
            }
            String model = written.model().value();
            ParamSpec spec = catalog.model(model).parameters().stream()
                    .filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> value.error("'" + key + "': model " + model + " does not take "
                            + name + " from a spec; sweep one of the parameters 'brainj list' shows"));
            return new Parameter(population, name, SpecAssembler.inUnit(value.scalar(), spec, what));
        }

        /**
         * {@code inputs.K.KEY}: entry K (from 0) of {@code inputs:} read again with the value for
         * KEY, one of the keys it gives (not its type, target or operation, which would make
         * another input), and checked as the spec's own entries are.
         */
        private Setting input(String key, String[] parts, SpecValue value) {
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
            return new InputValues(Integer.parseInt(parts[1]), entry.builder().apply(entry.written().with(parts[2], value)));
        }

        private Measure measure(NetworkSpec.MeasureEntry m, SpikeMeasures available) {
            String name = m.name().value();
            List<String> parameters = available.names().get(name);
            if (parameters == null) {
                throw m.name().error("unknown measure '" + name + "'; known: " + String.join(", ", available.names().keySet()));
            }
            Located<String> population = m.population();
            if (!base.spikes().containsKey(population.value())) {
                throw population.error("the spikes of '" + population.value() + "' are not monitored; name one of "
                        + base.spikes().keySet() + " (monitors.spikes)");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            m.parameters().forEach((key, v) -> {
                if (!parameters.contains(key)) {
                    throw v.error("measure " + name + " takes no '" + key + "'; its parameters: " + parameters);
                }
                values.put(key, v.scalar().time());
            });
            for (String p : parameters) {
                if (!values.containsKey(p)) {
                    throw new SpecException(m.where(), "measure " + name + " needs '" + p + "', a time, e.g. " + p + ": 0.5 ms");
                }
            }
            return new Measure(name, population.value(), values);
        }
    }
}
