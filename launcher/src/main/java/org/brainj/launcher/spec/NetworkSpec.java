package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.measure.Quantity;
import org.brainj.api.expr.Source;

/**
 * A network spec as {@link SpecReader} reads it from its file: typed and immutable, each value
 * with its place (file, line, key) so that {@link SpecAssembler}, which turns it into API objects
 * reports faults at the user's line. Values whose meaning depends on a model (a parameter, an
 * initial value, a weight) stay {@link SpecValue}s until the model is known. No YAML is left in
 * it: every section, inputs, synapse models and plots included, is a record here.
 *
 * @param name        the spec's {@code name:}, or the file name without extension
 * @param where       the whole document
 * @param backendAt   where the backend is named ({@code run:}, else the document); null when it
 *                    comes from the command line
 * @param folder      the spec's folder, which file paths in it are relative to
 * @param inputs      the {@code inputs:} entries, built by {@link InputSpec} once populations exist
 * @param plots       the {@code plots:} entries, checked against the monitors by {@link PlotSpec}
 */
public record NetworkSpec(String name, Where where, RunSettings settings, Where backendAt, Path folder,
                          List<PopulationSpec> populations, List<View> views, List<ProjectionSpec> projections,
                          List<Stimulus> inputs, Monitors monitors, List<PlotEntry> plots) {
    public NetworkSpec {
        populations = List.copyOf(populations);
        views = List.copyOf(views);
        projections = List.copyOf(projections);
        inputs = List.copyOf(inputs);
        plots = List.copyOf(plots);
    }

    /** A value with its place. */
    public record Located<T>(T value, Where where) {
        public SpecException error(String message) {
            return new SpecException(where, message);
        }
    }

    /** A population: neurons of a model, or a generator of spikes. */
    public sealed interface PopulationSpec permits Neurons, Generator {
        String name();

        Where where();
    }

    /** A {@code generator:} population of {@code size} neurons; {@code where} is its {@code generator:} key. */
    public record Generator(String name, Where where, int size, GeneratorSpec.Source source) implements PopulationSpec {
    }

    /**
     * Neurons of a registered model ({@code model}) or of equations ({@code equations}), exactly
     * one of them given.
     *
     * @param textKeys   keys that only equations take, given beside {@code model} (an error once
     *                   the model's name is known to be right)
     * @param method     the integration method, or null
     * @param parameters by name, in the order written; {@code parametersAt} the section (null when absent)
     * @param poisson    {@code poisson_input:} entries, and the section's place ({@code poissonAt})
     * @param sums       {@code sums: {target: variable}}
     */
    public record Neurons(String name, Where where, int[] geometry, Located<String> model, ModelText equations,
                          List<Located<String>> textKeys, Located<String> method, Map<String, SpecValue> parameters,
                          Where parametersAt, Map<String, SpecValue> initial, List<Poisson> poisson, Where poissonAt,
                          Map<String, Located<String>> sums) implements PopulationSpec {
    }

    /**
     * A model written as text: each text with its place, the model's parameters, and the place of
     * every key given, so a fault in any part is reported there.
     */
    public record ModelText(Where section, Located<Source> equations, Located<Source> threshold,
                            Located<Source> thresholdCrossing, Located<Source> reset, Located<Source> refractory,
                            Located<String> current, List<String> inputs, Located<String> membrane,
                            Map<String, SpecValue> parameters, Map<String, Where> places) {
    }

    /** One {@code poisson_input:} entry: NEST's {@code poisson_generator} onto the membrane. */
    public record Poisson(Located<Quantity<?>> rate, Located<Quantity<?>> weight) {
    }

    /** {@code name: POPULATION[from:to]}. */
    public record View(String name, Located<String> range) {
    }

    /**
     * A projection: {@code on} (spikes add to a variable) or none (they add to the membrane); or a
     * synapse written as a {@code model} (equations or a library model with its output, built by
     * {@link SynapseSpec}), whose per-synapse variables {@code initial} sets and which takes
     * {@code on} only as a library model's target, {@code weight} and {@code delay} only as a
     * library model's weight {@code w} and pre-synaptic delay.
     *
     * @param index   its position in the spec, which seeds its connector
     * @param weight  null when absent (a weighted connector gives its own)
     * @param delay   in ms, or null
     * @param model   null for {@code on} or none
     * @param besides with a {@code model}: the keys given beside it ({@code weight}, {@code on},
     *                {@code output}, {@code delay}), by place
     */
    public record ProjectionSpec(String name, Where where, int index, Located<String> pre, Located<String> post,
                                 Connector connector, Located<String> on,
                                 SpecValue weight, Located<Double> delay, Where initialAt,
                                 SynapseModel model, Map<String, SpecValue> initial, Map<String, Where> besides) {
    }

    /** A projection's synapse written as a model: an equation block or a model of the synapse library. */
    public sealed interface SynapseModel permits EquationSynapse, LibrarySynapseModel {
        Where where();
    }

    /**
     * {@code synapse:} as an equation block with Brian2's keys.
     *
     * @param model      the {@code model:} text; null when absent
     * @param parameters by name, in the order written
     * @param method     the integration method of the clock-driven equations, or null
     * @param delays     by pathway, as written: a time shared by all synapses, or one per synapse
     *                   (a list, a {@code .npy} file, an expression)
     * @param places     the place of every key given, so a fault in any part is reported there
     */
    public record EquationSynapse(Where where, Located<Source> model, Located<Source> onPre, Located<Source> onPost,
                                  Map<String, SpecValue> parameters, Located<String> method,
                                  Map<org.brainj.api.sim.Synapses.Pathway, SpecValue> delays, Map<String, Where> places)
            implements SynapseModel {
    }

    /**
     * {@code synapse: STDP} or {@code {model: STDP, parameters: {...}, delay: 2 ms}}: a model of
     * the synapse library.
     *
     * @param parametersAt the {@code parameters:} section, null when absent
     * @param delay        the pre-synaptic delay shared by all synapses, or null
     */
    public record LibrarySynapseModel(Where where, Located<String> model, Map<String, SpecValue> parameters,
                                      Where parametersAt, SpecValue delay, LibraryOutput output) implements SynapseModel {
    }

    /**
     * The projection's {@code output:} beside a library synapse, {@code COBA} or
     * {@code {kind: COBA, E: -80 mV}}: an output of the library, its parameters' units known only
     * once the output is found.
     */
    public record LibraryOutput(Located<String> kind, Map<String, SpecValue> parameters, Where where) {
    }

    /** {@code FixedProb} or {@code {name: FixedProb, prob: 0.1}}: the parameters as plain values. */
    public record Connector(Located<String> name, Map<String, Object> parameters, Where where) {
    }

    /**
     * The {@code monitors:} section.
     *
     * @param spikes the populations whose spikes are recorded; null for every group
     */
    public record Monitors(List<Located<String>> spikes, List<StateMonitor> states) {
    }

    /**
     * A recorded variable, every {@code period} steps, of a {@code population} or (the other one
     * null) of the per-synapse state of a projection written as equations ({@code synapses}).
     *
     * @param indices the neurons or synapses recorded, null for all
     */
    public record StateMonitor(Where where, Located<String> population, Located<String> synapses,
                               Located<String> variable, int[] indices, int period) {
    }

    /**
     * One entry of {@code plots:}, its shape checked; whether what it shows is monitored is
     * checked by {@link PlotSpec} once the monitors exist.
     *
     * @param type        one of {@link PlotSpec#TYPES}
     * @param name        the name given, or the type numbered from its second plot on
     * @param populations a raster's or rate's populations, at least one; null for lines
     * @param monitor     lines' state monitor ({@code P.V}); null otherwise
     * @param neurons     lines' neurons, null for all those recorded
     * @param bin         a rate's bin width in ms
     * @param from        the window's start in ms, {@code from <= t < to}
     */
    public record PlotEntry(Where where, String type, String name, List<Located<String>> populations,
                            Located<String> monitor, List<Located<Integer>> neurons, double bin, double from, double to) {
    }

    /**
     * One entry of {@code inputs:}: its type, what it drives and its values as written, each key
     * one its type takes ({@link InputSpec#keys}); the values are read in the target's unit once
     * the target's model is known.
     *
     * @param type       null for a constant {@code value:}
     * @param population a population, view or {@code P[a:b]}, from {@code target:} or {@code population:}
     * @param op         null for {@code add}
     * @param values     every other key given, in the order written
     */
    public record Stimulus(Where where, Located<String> type, Located<String> population, Located<String> variable,
                           Located<String> op, Map<String, SpecValue> values) {
        public Stimulus {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        /** The value of {@code key}; missing is an error at the entry. */
        public SpecValue required(String key) {
            SpecValue v = values.get(key);
            if (v == null) {
                throw SpecException.missing(where, key);
            }
            return v;
        }

        /** Whether {@code key} is given a value (not left empty). */
        public boolean has(String key) {
            return values.containsKey(key) && !values.get(key).isNothing();
        }

        /** This entry with {@code key}'s value replaced by {@code value}, written elsewhere (a sweep's), whose line errors name. */
        public Stimulus with(String key, SpecValue value) {
            Map<String, SpecValue> changed = new java.util.LinkedHashMap<>(values);
            changed.put(key, value.at(where.child(key, value.where().line())));
            return new Stimulus(where, type, population, variable, op, changed);
        }
    }

    /**
     * A spec's {@code sweep:} section, its shape checked; what each key names is checked by
     * {@link SweepSpec} against the network the rest of the spec built.
     *
     * @param where       the whole document, where a missing section is reported
     * @param rows        each point's values by key as written, the grid expanded, the first key outermost
     * @param repeat      runs of each point, or null when not given
     * @param measures    the {@code measures:} entries, in the order written
     * @param populations the spec's populations by name, whose models give swept values their units
     */
    public record SweepSection(Where where, List<Map<String, SpecValue>> rows, Located<Integer> repeat,
                               List<MeasureEntry> measures, Map<String, PopulationSpec> populations) {
    }

    /** A {@code measures:} entry: the measure's name, the population it reads and its other keys as written. */
    public record MeasureEntry(Where where, Located<String> name, Located<String> population,
                               Map<String, SpecValue> parameters) {
    }
}
